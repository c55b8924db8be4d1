using Egalis.Web.Features.Deliberations;

namespace Egalis.Tests.Features.Deliberations;

public class ActesIdTests
{
    [Fact]
    public void The_founding_acts_identifier_is_read_and_written_back()
    {
        var (id, erreurs) = ActesId.Lire("013-200054807-20191212-2019_CT2_587-DE");
        Assert.Empty(erreurs);
        Assert.Equal(("013", "200054807", new DateOnly(2019, 12, 12), "2019_CT2_587", "DE"), (id!.Departement, id.Siren, id.Date, id.Numero, id.Nature));
        Assert.Equal("013-200054807-20191212-2019_CT2_587-DE", id.ToString());
    }

    [Theory]
    [InlineData("02A-200054807-20200101-A1-AR")]
    [InlineData("974-200054807-20200101-123456789012345-CC")]
    [InlineData("013-200054807-20240229-X-BF")]
    public void Valid_identifiers_are_accepted(string texte) => Assert.Empty(ActesId.Lire(texte).Erreurs);

    [Theory]
    [InlineData("13-200054807-20191212-2019_CT2_587-DE", "forme")]
    [InlineData("013-200054808-20191212-2019_CT2_587-DE", "SIREN")]
    [InlineData("013-200054807-20191332-2019_CT2_587-DE", "n'existe pas")]
    [InlineData("013-200054807-20191212-_2019-DE", "numéro interne")]
    [InlineData("013-200054807-20191212-2019_-DE", "numéro interne")]
    [InlineData("013-200054807-20191212-1234567890123456-DE", "forme")]
    [InlineData("013-200054807-20191212-2019_CT2_587-XX", "nature")]
    [InlineData("013-200054807-20191212-2019-ct2-DE", "forme")]
    [InlineData("", "forme")]
    public void Invalid_identifiers_say_why(string texte, string attendu)
    {
        var (id, erreurs) = ActesId.Lire(texte);
        Assert.Null(id);
        Assert.Contains(erreurs, e => e.Contains(attendu, StringComparison.Ordinal) || (attendu == "forme" && e.Contains("DDD-SIREN", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("200054807", true)]
    [InlineData("732829320", true)]
    [InlineData("200054808", false)]
    [InlineData("20005480", false)]
    [InlineData("20005480A", false)]
    // Each position of the Luhn sum: a changed odd or even digit, a doubled digit above 9, a sum off by one.
    [InlineData("356000000", true)]
    [InlineData("542065479", true)]
    [InlineData("542065478", false)]
    [InlineData("552100554", true)]
    [InlineData("552100555", false)]
    [InlineData("100000009", true)]
    [InlineData("000000000", true)]
    [InlineData("900000000", false)]
    [InlineData("2000548070", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Siren_checksums_are_verified(string? siren, bool valable) => Assert.Equal(valable, ActesId.SirenValable(siren));
}

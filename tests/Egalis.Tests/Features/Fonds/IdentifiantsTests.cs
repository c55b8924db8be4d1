using Egalis.Web.Features.Fonds;

namespace Egalis.Tests.Features.Fonds;

public class IdentifiantsTests
{
    [Theory]
    [InlineData("73282932000074", "73282932000074")]
    [InlineData("732 829 320 00074", "73282932000074")]
    [InlineData("732.829.320-00074", "73282932000074")]
    [InlineData("78467169500087", "78467169500087")]
    // La Poste's establishments: the sum of the digits is a multiple of 5, the Luhn key does not apply.
    [InlineData("35600000049837", "35600000049837")]
    [InlineData("35600000000105", "35600000000105")]
    // La Poste's head office follows the Luhn key (its digits add up to 26).
    [InlineData("35600000000048", "35600000000048")]
    public void Valid_siret(string saisie, string attendu)
    {
        var resultat = Identifiants.Siret(saisie);
        Assert.True(resultat.Ok, resultat.Erreur);
        Assert.Equal(attendu, resultat.Valeur);
    }

    [Theory]
    [InlineData("73282932000070", "Ce SIRET n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).")]
    [InlineData("73282932000075", "Ce SIRET n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).")]
    // Luhn is right but La Poste's rule is not.
    [InlineData("35600000000113", "Ce SIRET n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).")]
    // La Poste's rule would be right, but the SIREN is not La Poste's.
    [InlineData("35600000149837", "Ce SIRET n'existe pas : ses 9 premiers chiffres ne forment pas un SIREN valide.")]
    // The establishment's key is right (Luhn on 14 digits) but the SIREN's is not.
    [InlineData("73282932100007", "Ce SIRET n'existe pas : ses 9 premiers chiffres ne forment pas un SIREN valide.")]
    [InlineData("7328293200007", "Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.")]
    [InlineData("732829320000740", "Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.")]
    [InlineData("7328293200007A", "Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.")]
    [InlineData("", "Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.")]
    [InlineData(null, "Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.")]
    public void Invalid_siret(string? saisie, string message)
    {
        var resultat = Identifiants.Siret(saisie);
        Assert.False(resultat.Ok);
        Assert.Null(resultat.Valeur);
        Assert.Equal(message, resultat.Erreur);
    }

    [Fact]
    public void A_siret_of_luhn_valid_digits_is_not_checked_by_the_la_poste_rule_outside_la_poste()
    {
        // 73282932000074: Luhn holds, digits add up to 32 (not a multiple of 5).
        Assert.True(Identifiants.Siret("73282932000074").Ok);
        Assert.Equal(1, Identifiants.SiretSiegeLaPoste.Sum(c => c - '0') % 5);
    }

    [Theory]
    [InlineData("732829320", true)]
    [InlineData("356000000", true)]
    [InlineData("443061841", true)]
    [InlineData("732829321", false)]
    [InlineData("73282932", false)]
    [InlineData("73282932A", false)]
    public void Siren(string saisie, bool valide) => Assert.Equal(valide, Identifiants.Siren(saisie).Ok);

    [Theory]
    [InlineData("7328293", "Le SIREN compte 9 chiffres.")]
    [InlineData("73282932A", "Le SIREN compte 9 chiffres.")]
    [InlineData("7328293200", "Le SIREN compte 9 chiffres.")]
    [InlineData("732829321", "Ce SIREN n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).")]
    public void Siren_messages(string saisie, string message) => Assert.Equal(message, Identifiants.Siren(saisie).Erreur);

    [Fact]
    public void The_iban_lengths_are_those_of_the_sepa_countries()
    {
        Assert.Equal(
            "AD24 AT20 BE16 BG22 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 FI18 FR27 GB22 GI23 GR27 HR21 HU28 IE22 IS26 IT27 LI21 LT20 LU20 LV21 MC27 MT31 NL18 NO15 PL28 PT25 RO24 SE24 SI19 SK24 SM27 VA22",
            string.Join(' ', Identifiants.LongueursIban.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}{p.Value}")));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("50", false)]
    [InlineData("59", true)]
    [InlineData("42", true)]
    [InlineData("26", true)]
    [InlineData("18", true)]
    [InlineData("91", true)]
    [InlineData("19", false)]
    [InlineData("10", false)]
    [InlineData("4992739716", true)]
    [InlineData("4992739717", false)]
    [InlineData("79927398713", true)]
    public void Luhn_doubles_every_second_digit_from_the_right(string chiffres, bool valide) => Assert.Equal(valide, Identifiants.Luhn(chiffres));

    [Theory]
    [InlineData("W133001234", "W133001234")]
    [InlineData("w13 300 1234", "W133001234")]
    public void Valid_rna(string saisie, string attendu) => Assert.Equal(attendu, Identifiants.Rna(saisie).Valeur);

    [Theory]
    [InlineData("W13300123")]
    [InlineData("W1330012345")]
    [InlineData("X133001234")]
    [InlineData("W13300123A")]
    [InlineData("133001234")]
    [InlineData("")]
    public void Invalid_rna(string saisie)
    {
        var resultat = Identifiants.Rna(saisie);
        Assert.Equal("Le numéro RNA commence par W, suivi de 9 chiffres (par exemple W133001234).", resultat.Erreur);
        Assert.Null(resultat.Valeur);
    }

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189")]
    [InlineData("fr1420041010050500013m02606", "FR1420041010050500013M02606")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("GB82WEST12345698765432", "GB82WEST12345698765432")]
    [InlineData("BE68539007547034", "BE68539007547034")]
    [InlineData("MC58 1122 2000 0101 2345 6789 030", "MC5811222000010123456789030")]
    public void Valid_iban(string saisie, string attendu)
    {
        var resultat = Identifiants.Iban(saisie);
        Assert.True(resultat.Ok, resultat.Erreur);
        Assert.Equal(attendu, resultat.Valeur);
    }

    [Theory]
    [InlineData("FR7630006000011234567890188", "Cet IBAN n'existe pas : vérifiez ses caractères (sa clé de contrôle ne correspond pas).")]
    [InlineData("FR7730006000011234567890189", "Cet IBAN n'existe pas : vérifiez ses caractères (sa clé de contrôle ne correspond pas).")]
    [InlineData("DE89370400440532013001", "Cet IBAN n'existe pas : vérifiez ses caractères (sa clé de contrôle ne correspond pas).")]
    [InlineData("FR763000600001123456789018", "Un IBAN français compte 27 caractères, lettres et chiffres.")]
    [InlineData("FR76300060000112345678901899", "Un IBAN français compte 27 caractères, lettres et chiffres.")]
    [InlineData("FR76300060000112345678901_9", "Un IBAN français compte 27 caractères, lettres et chiffres.")]
    [InlineData("FRAB30006000011234567890189", "Un IBAN français compte 27 caractères, lettres et chiffres.")]
    [InlineData("DE8937040044053201300", "Un IBAN de ce pays (DE) compte 22 caractères, lettres et chiffres.")]
    [InlineData("US12345678901234", "Les IBAN du pays « US » ne sont pas acceptés : seuls ceux de la zone SEPA le sont.")]
    [InlineData("7630006000011234567890189", "L'IBAN commence par le code du pays (FR pour la France), suivi de sa clé à 2 chiffres.")]
    [InlineData("F7630006000011234567890189", "L'IBAN commence par le code du pays (FR pour la France), suivi de sa clé à 2 chiffres.")]
    [InlineData("FR76", "Un IBAN français compte 27 caractères, lettres et chiffres.")]
    [InlineData("FR7", "L'IBAN commence par le code du pays (FR pour la France), suivi de sa clé à 2 chiffres.")]
    [InlineData(null, "L'IBAN commence par le code du pays (FR pour la France), suivi de sa clé à 2 chiffres.")]
    public void Invalid_iban(string? saisie, string message)
    {
        var resultat = Identifiants.Iban(saisie);
        Assert.Equal(message, resultat.Erreur);
        Assert.Null(resultat.Valeur);
    }

    [Theory]
    [InlineData("BNPAFRPPXXX", "BNPAFRPPXXX")]
    [InlineData("agri fr pp", "AGRIFRPP")]
    [InlineData("CEPAFRPP131", "CEPAFRPP131")]
    public void Valid_bic(string saisie, string attendu) => Assert.Equal(attendu, Identifiants.Bic(saisie).Valeur);

    [Theory]
    [InlineData("BNPAFRP")]
    [InlineData("BNPAFRPPX")]
    [InlineData("BNPAFRPPXXXX")]
    [InlineData("BNP1FRPPXXX")]
    [InlineData("BNPAF1PPXXX")]
    [InlineData("BNPAFRP_XXX")]
    [InlineData("BNPAFRPPXX_")]
    public void Invalid_bic(string saisie)
    {
        var resultat = Identifiants.Bic(saisie);
        Assert.False(resultat.Ok);
        Assert.Equal("Le BIC compte 8 ou 11 caractères : 4 lettres pour la banque, 2 pour le pays, puis 2 (ou 5) lettres ou chiffres.", resultat.Erreur);
    }

    [Fact]
    public void What_is_typed_is_cut_at_its_limit_before_it_is_read()
    {
        Assert.Equal(64, Identifiants.Compacter(new string('1', 100_000)).Length);
        Assert.Equal("AB12", Identifiants.Compacter(" a\u00A0b\u202F1.2-"));
        Assert.Equal("", Identifiants.Compacter(null));
        Assert.False(Identifiants.Iban("FR76" + new string('0', 100_000)).Ok);
    }

    [Theory]
    [InlineData("FR7630006000011234567890189", "FR76*******************0189")]
    [InlineData("BE68539007547034", "BE68********7034")]
    [InlineData("FR761234", "FR761234")]
    [InlineData("FR76123", "FR76123")]
    public void An_iban_is_shown_masked(string iban, string attendu) => Assert.Equal(attendu, Identifiants.Masquer(iban));
}

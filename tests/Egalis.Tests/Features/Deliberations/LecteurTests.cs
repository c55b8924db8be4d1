using System.Text.Json;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Territoires;

namespace Egalis.Tests.Features.Deliberations;

public class LecteurTests
{
    private static readonly string Fondateur = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "deliberation-2019_CT2_587.txt"));
    private static readonly JsonElement Transcription =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceData.DefaultFolder, "pmlcd-2019.json"))).RootElement.GetProperty("deliberations")[1];

    private static void AttendreLesListesFondatrices(LecteurDeliberation.Lecture l)
    {
        Assert.Equal(Transcription.GetProperty("present").EnumerateArray().Select(e => e.GetString()), l.Presents);
        Assert.Equal(Transcription.GetProperty("absent_with_proxy").EnumerateArray().Select(e => (e.GetProperty("member").GetString()!, e.GetProperty("proxy_holder").GetString()!)), l.Pouvoirs);
        Assert.Equal(Transcription.GetProperty("absent_without_proxy").EnumerateArray().Select(e => e.GetString()), l.Excuses);
    }

    [Fact]
    public void The_founding_text_is_read_entirely()
    {
        var l = LecteurDeliberation.Lire(Fondateur);
        Assert.Empty(l.NonLus);
        Assert.Equal((55, 14, 21), (l.Presents.Count, l.Pouvoirs.Count, l.Excuses.Count));
        AttendreLesListesFondatrices(l);
        Assert.Equal("2019_CT2_587", l.NumeroActe);
        Assert.Equal("013-200054807-20191212-2019_CT2_587-DE", l.ActesId);
        Assert.Equal("Conseil de Territoire du Pays d'Aix", l.Assemblee);
        Assert.Equal(new DateOnly(2019, 12, 12), l.Date);
        Assert.Equal(new DateOnly(2019, 12, 6), l.DateConvocation);
        Assert.Equal("au Château Saint-Hilaire à Coudoux", l.Lieu);
        Assert.StartsWith("Habitat et aménagement du territoire - Politique de la ville/ Cohésion sociale - Adoption d'un plan Métropolitain", l.Objet);
        Assert.Equal("CALAFAT Roxane", l.Secretaire);
        Assert.Equal("MANCEL Joël", l.Rapporteur);
        Assert.True(l.PriseActe);
        Assert.Equal(new DateOnly(2020, 1, 3), l.DateSignature);
        Assert.Equal((new DateOnly(2020, 1, 9), new DateOnly(2020, 1, 9)), (l.DateTransmission, l.DateAccuse));
    }

    [Fact]
    public void Noise_of_real_texts_is_absorbed()
    {
        const string tampon = "\nAccusé de réception en préfecture\n013-200054807-20191212-2019_CT2_587-\nDE\nDate de télétransmission : 09/01/2020\nDate de réception préfecture : 09/01/2020\n";
        var bruite = Fondateur
            .Replace("Etaient Présents :", "ETAIENT PRÉSENTS :", StringComparison.Ordinal)
            .Replace("BRAMOULLÉ Gérard", "BRAMOULLÉ\nGérard", StringComparison.Ordinal)
            .Replace("GOURNES Jean-Pascal", "GOURNES Jean-\nPascal", StringComparison.Ordinal)
            .Replace("– LAFON Henri –", "–" + tampon + "LAFON Henri –", StringComparison.Ordinal);
        var l = LecteurDeliberation.Lire(bruite);
        Assert.Empty(l.NonLus);
        AttendreLesListesFondatrices(l);
        // « Jean- François » as printed is read as one first name.
        Assert.Contains(("CORNO Jean-François", "SERRUS Jean-Pierre"), l.Pouvoirs);
        Assert.Contains("FERAUD Jean-Claude", l.Excuses);
    }

    [Fact]
    public void What_cannot_be_read_is_reported_not_guessed()
    {
        var abime = Fondateur.Replace("– ALBERT Guy –", "– ###illisible### –", StringComparison.Ordinal)
            .Replace("ARDHUIN Philippe donne pouvoir à MALLIÉ Richard", "ARDHUIN Philippe pouvoir MALLIÉ", StringComparison.Ordinal);
        var l = LecteurDeliberation.Lire(abime);
        Assert.Contains(l.NonLus, n => n.Contains("« ###illisible### »"));
        Assert.Contains(l.NonLus, n => n.Contains("Pouvoir illisible : « ARDHUIN Philippe pouvoir MALLIÉ »"));
        Assert.Equal((54, 13), (l.Presents.Count, l.Pouvoirs.Count));
        Assert.NotEmpty(LecteurDeliberation.Lire("Un texte sans rapport.").NonLus);
    }

    /// <summary>
    /// Texts built to make backtracking patterns run for minutes (« OBJET : » repeated to 200 000 characters):
    /// every pattern is bounded, so the reader answers — what it could not read is reported.
    /// </summary>
    [Theory]
    [InlineData("OBJET : ", 25_000)]
    [InlineData("convocation qui lui a été adressée ", 5_500)]
    [InlineData("Le 12 décembre 2019, le Conseil ", 6_000)]
    [InlineData("Etaient Présents : DUPONT Marie – ", 5_800)]
    public void Pathological_repetitions_are_read_and_reported(string motif, int fois)
    {
        var texte = string.Concat(Enumerable.Repeat(motif, fois));
        Assert.InRange(texte.Length, 150_000, LecteurDeliberation.TailleMaximale);
        var l = LecteurDeliberation.Lire(texte);
        Assert.NotEmpty(l.NonLus);
        Assert.Null(l.NumeroActe);
    }

    [Fact]
    public void A_text_longer_than_an_extract_is_refused_with_its_length()
    {
        var l = LecteurDeliberation.Lire(new string('a', LecteurDeliberation.TailleMaximale + 1));
        Assert.Equal(["Le texte fait 200001 caractères : 200000 au plus. Collez un seul extrait."], l.NonLus);
    }
}

using Egalis.Web.Platform.Text;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// What a « rectification d'erreur matérielle » may correct: the wording of a signed act, never its
/// decision (attendance, votes, result, number and dates change only through a new act).
/// </summary>
public static class ChampsRectifiables
{
    public const int TailleMax = 100_000;

    public sealed record Champ(string Code, string Libelle, Func<PointOrdreDuJour, string?> Lire, Action<PointOrdreDuJour, string?> Ecrire, bool Obligatoire, int Taille);

    private static List<string> Lignes(string? texte) => Texts.Lines(texte);

    public static readonly IReadOnlyList<Champ> Tous =
    [
        new("Objet", "Objet", p => p.Objet, (p, v) => p.Objet = v!, true, 499),
        new("Theme", "Thème", p => p.Theme, (p, v) => p.Theme = v, false, 300),
        new("NumeroRapport", "Numéro du rapport", p => p.NumeroRapport, (p, v) => p.NumeroRapport = v, false, 50),
        new("Rapport", "Rapport", p => p.Rapport, (p, v) => p.Rapport = v, false, TailleMax),
        new("Considerants", "Considérants (un par ligne)", p => string.Join("\n", p.Considerants), (p, v) => p.Considerants = Lignes(v), false, TailleMax),
        new("Articles", "Articles (un par ligne)", p => string.Join("\n", p.Articles), (p, v) => p.Articles = Lignes(v), false, TailleMax),
    ];

    public static Champ? Find(string? code) => Tous.FirstOrDefault(c => c.Code == code);
}

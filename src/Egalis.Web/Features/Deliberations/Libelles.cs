using System.Text.RegularExpressions;
using Egalis.Web.Platform.Text;

namespace Egalis.Web.Features.Deliberations;

/// <summary>How results and statuses read in French.</summary>
public static partial class Libelles
{
    public static string Resultat(ResultatDeliberation? r) => r switch
    {
        ResultatDeliberation.Adoptee => "adoptée",
        ResultatDeliberation.Rejetee => "rejetée",
        ResultatDeliberation.PrendActe => "prise d'acte",
        _ => "non renseigné",
    };

    /// <summary>
    /// « Le 12 décembre 2019, le Conseil de Territoire du Pays d'Aix s'est réuni au Château Saint-Hilaire
    /// à Coudoux, sur la convocation qui lui a été adressée le 6 décembre 2019, conformément à l'article … ».
    /// The place is written as the register writes it after « s'est réuni » (« au Château… », « à l'Hôtel… »);
    /// a place typed without its preposition is given in parentheses rather than with a wrong one.
    /// </summary>
    public static string Reunion(Seance s, Assemblee a)
    {
        var feminin = a.Nom.StartsWith("Commission", StringComparison.OrdinalIgnoreCase);
        var lieu = s.Lieu is null ? "" : CommencePreposition().IsMatch(s.Lieu) ? $" {s.Lieu}" : $" (lieu : {s.Lieu})";
        return $"Le {s.Date.ToString("d MMMM yyyy", French.Culture)}, {(feminin ? "la" : "le")} {a.Nom} s'est réuni{(feminin ? "e" : "")}{lieu}" +
            $"{(s.DateConvocation is null ? "" : $", sur la convocation qui lui a été adressée le {s.DateConvocation.Value.ToString("d MMMM yyyy", French.Culture)}")}" +
            $"{(s.FondementConvocation is null ? "" : $", conformément à l'{s.FondementConvocation}")}.";
    }

    [GeneratedRegex(@"^(au|aux|à|en|dans|sur|chez)\s", RegexOptions.IgnoreCase)]
    private static partial Regex CommencePreposition();

    /// <summary>Where an item stands in the life of an act.</summary>
    public static string Etat(PointOrdreDuJour p) => p switch
    {
        { Transmission: StatutTransmission.Acquitte } => "acquitté par la préfecture",
        { Transmission: StatutTransmission.Refuse } => "refusé par la préfecture",
        { Transmission: StatutTransmission.Transmis } => "transmis à la préfecture",
        { DateSignature: not null } => "signé",
        { Delibere: true } => "délibéré, à signer",
        _ => "projet",
    };

    public static string Transmission(StatutTransmission s) => s switch
    {
        StatutTransmission.ATransmettre => "à transmettre",
        StatutTransmission.Transmis => "transmis",
        StatutTransmission.Acquitte => "acquitté",
        _ => "refusé",
    };
}

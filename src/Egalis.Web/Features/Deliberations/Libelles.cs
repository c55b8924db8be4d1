namespace Egalis.Web.Features.Deliberations;

/// <summary>How results and statuses read in French.</summary>
public static class Libelles
{
    public static string Resultat(ResultatDeliberation? r) => r switch
    {
        ResultatDeliberation.Adoptee => "adoptée",
        ResultatDeliberation.Rejetee => "rejetée",
        ResultatDeliberation.PrendActe => "prise d'acte",
        _ => "non renseigné",
    };

    public static string Transmission(StatutTransmission s) => s switch
    {
        StatutTransmission.ATransmettre => "à transmettre",
        StatutTransmission.Transmis => "transmis",
        StatutTransmission.Acquitte => "acquitté",
        _ => "refusé",
    };
}

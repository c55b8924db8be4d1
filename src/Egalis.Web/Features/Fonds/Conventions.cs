namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Loi 2000-321 art. 10 and décret 2001-495: a convention is signed with a private body that receives more than
/// 23 000 € in a year, counting all its subsidies of the year (every dossier, every call). The threshold is a setting
/// (Egalis:Fonds:SeuilConvention), should the law change.
/// </summary>
public static class Conventions
{
    public const decimal SeuilLegal = 23_000m;

    public static decimal Seuil(IConfiguration configuration) => configuration.GetValue("Egalis:Fonds:SeuilConvention", SeuilLegal);

    /// <summary>Whether the year's grants to one organisation call for a convention: strictly above the threshold.</summary>
    public static bool Requise(decimal totalAccordeDansLAnnee, decimal seuil) => totalAccordeDansLAnnee > seuil;
}

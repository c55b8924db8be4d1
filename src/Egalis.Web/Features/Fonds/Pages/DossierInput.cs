using System.ComponentModel.DataAnnotations;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>A dossier as its form holds it; sizes are checked by the service (a draft may be incomplete, never oversized).</summary>
public sealed class DossierInput
{
    public int Version { get; set; }

    [Display(Name = "Agréments, habilitations ou reconnaissances d'utilité publique")] public string? Agrements { get; set; }
    [Display(Name = "Nombre de salariés")] public int? Salaries { get; set; }
    [Display(Name = "Équivalents temps plein")] public decimal? Etp { get; set; }
    [Display(Name = "Nombre de bénévoles")] public int? Benevoles { get; set; }

    [Display(Name = "Intitulé du projet")] public string? Intitule { get; set; }
    [Display(Name = "Objectifs")] public string? Objectifs { get; set; }
    [Display(Name = "Description du projet")] public string? Description { get; set; }
    [Display(Name = "Public visé")] public string? PublicVise { get; set; }
    [Display(Name = "Nombre de personnes touchées")] public int? NombreBeneficiaires { get; set; }
    [Display(Name = "Date de début")] public DateOnly? DateDebut { get; set; }
    [Display(Name = "Date de fin")] public DateOnly? DateFin { get; set; }
    public List<string> Communes { get; set; } = [];
    public List<string> Qpv { get; set; } = [];
    public List<string> Criteres { get; set; } = [];
    public List<string> Domaines { get; set; } = [];
    [Display(Name = "Moyens humains et matériels")] public string? Moyens { get; set; }
    [Display(Name = "Indicateurs et méthode d'évaluation")] public string? Evaluation { get; set; }

    [Display(Name = "Montant demandé à la Métropole (€)")] public decimal? MontantDemande { get; set; }
    public Dictionary<string, decimal?> Budget { get; set; } = [];

    [Display(Name = "J'atteste sur l'honneur l'exactitude des informations du dossier, et que l'organisation est à jour de ses obligations sociales et fiscales")]
    public bool Attestation { get; set; }

    [Display(Name = "L'association souscrit le contrat d'engagement républicain (loi du 24 août 2021)")]
    public bool EngagementRepublicain { get; set; }

    public DossiersService.Saisie VersService() => new(Agrements, Salaries, Etp, Benevoles, Intitule, Objectifs, Description, PublicVise,
        NombreBeneficiaires, DateDebut, DateFin, Communes, Qpv, Criteres, Domaines, Moyens, Evaluation, MontantDemande,
        Budget.Where(b => ReglesDossier.EstPoste(b.Key)).ToDictionary(), Attestation, EngagementRepublicain);

    public static DossierInput Depuis(Dossier d) => new()
    {
        Version = d.Version, Agrements = d.Agrements, Salaries = d.Salaries, Etp = d.Etp, Benevoles = d.Benevoles,
        Intitule = d.Intitule, Objectifs = d.Objectifs, Description = d.Description, PublicVise = d.PublicVise,
        NombreBeneficiaires = d.NombreBeneficiaires, DateDebut = d.DateDebut, DateFin = d.DateFin,
        Communes = d.Communes, Qpv = d.Qpv, Criteres = d.Criteres, Domaines = d.Domaines, Moyens = d.Moyens, Evaluation = d.Evaluation,
        MontantDemande = d.MontantDemande, Budget = d.Budget.ToDictionary(l => l.Code, l => (decimal?)l.Montant),
        Attestation = d.Attestation, EngagementRepublicain = d.EngagementRepublicain,
    };
}

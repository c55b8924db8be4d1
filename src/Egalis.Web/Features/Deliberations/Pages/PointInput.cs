using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Egalis.Web.Features.Deliberations.Pages;

/// <summary>An agenda item as its form holds it, on the session page (new item) and the item page (edit).</summary>
public sealed class PointInput
{
    [Display(Name = "Rang")]
    [Required(ErrorMessage = "Indiquez le rang du point.")]
    [Range(1, 999, ErrorMessage = "Le rang est un nombre de 1 à 999.")]
    public int? Rang { get; set; }

    [Display(Name = "Numéro du rapport")]
    [StringLength(50, ErrorMessage = "Le numéro du rapport ne doit pas dépasser 50 caractères.")]
    public string? NumeroRapport { get; set; }

    [Display(Name = "Numéro d'acte")]
    [StringLength(15, ErrorMessage = "Le numéro d'acte fait au plus 15 caractères.")]
    public string? NumeroActe { get; set; }

    [Display(Name = "Objet")]
    [Required(ErrorMessage = "Indiquez l'objet.")]
    [StringLength(499, ErrorMessage = "L'objet fait au plus 499 caractères (règle ACTES).")]
    public string Objet { get; set; } = "";

    [Display(Name = "Thème")]
    [StringLength(300, ErrorMessage = "Le thème ne doit pas dépasser 300 caractères.")]
    public string? Theme { get; set; }

    [Display(Name = "Décision attendue")]
    public GenrePoint Genre { get; set; }

    [Display(Name = "Matière (classification ACTES)")]
    [Required(ErrorMessage = "Choisissez la matière.")]
    public string MatiereCode { get; set; } = "8.5";

    [Display(Name = "Nature de l'acte")]
    public string NatureCode { get; set; } = "DE";

    [Display(Name = "Rapporteur")] public int? RapporteurMandatId { get; set; }

    [Display(Name = "Rapport")]
    [StringLength(SecretariatService.TailleMaxRapport, ErrorMessage = "Le rapport fait au plus 100 000 caractères.")]
    public string? Rapport { get; set; }

    [Display(Name = "Considérants")]
    [StringLength(SecretariatService.TailleMaxRapport, ErrorMessage = "Les considérants font au plus 100 000 caractères.")]
    public string? Considerants { get; set; }

    [Display(Name = "Articles")]
    [StringLength(SecretariatService.TailleMaxRapport, ErrorMessage = "Les articles font au plus 100 000 caractères.")]
    public string? Articles { get; set; }

    /// <summary>The version read with the form, so that two people editing at once are told.</summary>
    public int Version { get; set; }

    public SecretariatService.NouveauPoint VersService(int seanceId) => new(seanceId, Rang!.Value, NumeroRapport, Theme, Objet,
        RapporteurMandatId, MatiereCode, NatureCode, Genre, Rapport, Texts.Lines(Considerants), Texts.Lines(Articles),
        Texts.Clean(NumeroActe)?.ToUpperInvariant());

    public static PointInput Depuis(PointOrdreDuJour p) => new()
    {
        Rang = p.Rang, NumeroRapport = p.NumeroRapport, NumeroActe = p.NumeroActe, Objet = p.Objet, Theme = p.Theme, Genre = p.Genre,
        MatiereCode = p.MatiereCode, NatureCode = p.NatureCode, RapporteurMandatId = p.RapporteurMandatId, Rapport = p.Rapport,
        Considerants = string.Join("\n", p.Considerants), Articles = string.Join("\n", p.Articles), Version = p.Version,
    };
}

/// <summary>The choice lists of the item form.</summary>
public sealed record ChoixPoint(List<SelectListItem> Matieres, List<SelectListItem> Natures, List<SelectListItem> Genres, List<SelectListItem> Membres)
{
    public static ChoixPoint Pour(MatieresActes matieres, IEnumerable<Mandat> membres) => new(
        matieres.Niveau2.Select(m => new SelectListItem($"{m.Code} {m.Libelle}", m.Code)).ToList(),
        ActesId.Natures.Select(n => new SelectListItem($"{n.Key} – {n.Value}", n.Key)).ToList(),
        [new("Vote", nameof(GenrePoint.Vote)), new("Prise d'acte (information, sans vote)", nameof(GenrePoint.PriseActe))],
        membres.Select(m => new SelectListItem(m.Elu!.Nom, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());
}

using System.ComponentModel.DataAnnotations;

namespace Egalis.Web.Features.Deliberations.Pages;

/// <summary>A session's date, place, convocation and quorum rules, as their forms hold them (creation and correction).</summary>
public class SeanceInput
{
    [Display(Name = "Date de la séance")]
    [Required(ErrorMessage = "Indiquez la date de la séance.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Lieu")]
    [StringLength(200, ErrorMessage = "Le lieu ne doit pas dépasser 200 caractères.")]
    public string? Lieu { get; set; }

    [Display(Name = "Date de convocation")]
    public DateOnly? DateConvocation { get; set; }

    [Display(Name = "Régime de quorum")]
    [Required(ErrorMessage = "Choisissez le régime de quorum.")]
    public string PolitiqueCode { get; set; } = PolitiqueQuorum.DroitCommun.Code;
}

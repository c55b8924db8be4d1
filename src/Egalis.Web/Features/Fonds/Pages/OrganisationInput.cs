using System.ComponentModel.DataAnnotations;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>An organisation as its forms hold it (creation and correction); the service checks identifiers and bank details.</summary>
public sealed class OrganisationInput
{
    public int Version { get; set; }

    [Display(Name = "Vous déposez pour")]
    public TypeOrganisation Type { get; set; } = TypeOrganisation.Association;

    [Display(Name = "Nom")]
    [StringLength(OrganisationsService.LongueurNom, ErrorMessage = "Le nom ne doit pas dépasser 300 caractères.")]
    public string? Nom { get; set; }

    [Display(Name = "SIRET")]
    [StringLength(30, ErrorMessage = "Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.")]
    public string? Siret { get; set; }

    [Display(Name = "Numéro RNA (associations)")]
    [StringLength(20, ErrorMessage = "Le numéro RNA commence par W, suivi de 9 chiffres (par exemple W133001234).")]
    public string? Rna { get; set; }

    [Display(Name = "Commune")]
    public string? CommuneCodeInsee { get; set; }

    [Display(Name = "Adresse du siège")]
    [StringLength(300, ErrorMessage = "L'adresse ne doit pas dépasser 300 caractères.")]
    public string? Adresse { get; set; }

    [Display(Name = "Code postal")]
    [StringLength(10, ErrorMessage = "Le code postal compte 5 chiffres.")]
    public string? CodePostal { get; set; }

    [Display(Name = "Ville")]
    [StringLength(100, ErrorMessage = "La ville ne doit pas dépasser 100 caractères.")]
    public string? Ville { get; set; }

    [Display(Name = "IBAN")]
    [StringLength(50, ErrorMessage = "L'IBAN compte au plus 34 caractères.")]
    public string? Iban { get; set; }

    [Display(Name = "BIC")]
    [StringLength(20, ErrorMessage = "Le BIC compte 8 ou 11 caractères : 4 lettres pour la banque, 2 pour le pays, puis 2 (ou 5) lettres ou chiffres.")]
    public string? Bic { get; set; }

    [Display(Name = "Titulaire du compte")]
    [StringLength(200, ErrorMessage = "Le titulaire du compte ne doit pas dépasser 200 caractères.")]
    public string? TitulaireCompte { get; set; }

    public OrganisationsService.Saisie VersService() =>
        new(Type, Nom, Siret, Rna, CommuneCodeInsee, Adresse, CodePostal, Ville, Iban, Bic, TitulaireCompte);

    public static OrganisationInput Depuis(Organisation o) => new()
    {
        Version = o.Version, Type = o.Type, Nom = o.Nom, Siret = o.Siret, Rna = o.Rna, CommuneCodeInsee = o.CommuneCodeInsee,
        Adresse = o.Adresse, CodePostal = o.CodePostal, Ville = o.Ville, Iban = o.Iban, Bic = o.Bic, TitulaireCompte = o.TitulaireCompte,
    };
}

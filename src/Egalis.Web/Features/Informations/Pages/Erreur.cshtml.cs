using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Informations.Pages;

/// <summary>The French error page; it never shows technical details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErreurModel : PageModel
{
    public string Titre { get; private set; } = "Une erreur est survenue";
    public string Message { get; private set; } = "Le service a rencontré un problème. Réessayez dans quelques instants ; si le problème persiste, contactez l'équipe du plan.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Titre, Message) = code switch
        {
            404 => ("Page introuvable", "La page demandée n'existe pas ou a été déplacée. Vérifiez l'adresse."),
            403 => ("Accès refusé", "Votre compte n'a pas les droits nécessaires pour cette page ou cette action. Si vous pensez que c'est une erreur, contactez l'équipe du plan."),
            400 => ("Demande invalide", "La demande n'a pas pu être traitée. Rechargez la page et réessayez."),
            429 => ("Trop de tentatives", "Trop de demandes en peu de temps. Patientez une minute avant de réessayer."),
            _ => (Titre, Message),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}

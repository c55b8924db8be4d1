using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Informations.Pages;

[AllowAnonymous]
public class AccessibiliteModel : PageModel;

[AllowAnonymous]
public class MentionsLegalesModel : PageModel;

[AllowAnonymous]
public class DonneesPersonnellesModel(IEnumerable<Egalis.Web.Platform.Extensions.IPersonalDataDeclaration> declarations) : PageModel
{
    /// <summary>What each module declared it keeps, why and how long: the same declarations the retention job enforces.</summary>
    public IReadOnlyList<Egalis.Web.Platform.Extensions.IPersonalDataDeclaration> Declarations { get; } = declarations.ToList();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Informations.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class AccessibiliteModel : PageModel;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class MentionsLegalesModel : PageModel;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class DonneesPersonnellesModel(IEnumerable<Egalis.Web.Platform.Extensions.IPersonalDataDeclaration> declarations) : PageModel
{
    /// <summary>What each module declared it keeps, why and how long: the same declarations the retention job enforces.</summary>
    public IReadOnlyList<Egalis.Web.Platform.Extensions.IPersonalDataDeclaration> Declarations { get; } = declarations.ToList();
}

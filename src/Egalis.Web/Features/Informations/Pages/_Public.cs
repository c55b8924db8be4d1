using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Informations.Pages;

[AllowAnonymous]
public class AccessibiliteModel : PageModel;

[AllowAnonymous]
public class MentionsLegalesModel : PageModel;

[AllowAnonymous]
public class DonneesPersonnellesModel : PageModel;

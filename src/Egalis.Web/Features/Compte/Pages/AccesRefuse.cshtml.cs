using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Compte.Pages;

[AllowAnonymous]
public class AccesRefuseModel : PageModel
{
    public void OnGet()
    {
    }
}

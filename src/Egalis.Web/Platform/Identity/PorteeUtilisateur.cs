using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Egalis.Web.Platform.Identity;

/// <summary>Puts the user's territorial scope in the sign-in cookie, so every request can check it.</summary>
public sealed class UtilisateurClaimsFactory(UserManager<Utilisateur> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Utilisateur, IdentityRole>(users, roles, options)
{
    public const string Territoire = "egalis:territoire";
    public const string Commune = "egalis:commune";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Utilisateur user)
    {
        var identite = await base.GenerateClaimsAsync(user);
        if (user.ConseilTerritoireCode is not null)
        {
            identite.AddClaim(new Claim(Territoire, user.ConseilTerritoireCode));
        }
        if (user.CommuneCodeInsee is not null)
        {
            identite.AddClaim(new Claim(Commune, user.CommuneCodeInsee));
        }
        return identite;
    }
}

public static class PorteeUtilisateur
{
    public static string? TerritoireDe(ClaimsPrincipal user) => user.FindFirst(UtilisateurClaimsFactory.Territoire)?.Value;

    public static bool EquipeDuPlan(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ChefDeProjet) || user.IsInRole(Roles.Assistant);
}

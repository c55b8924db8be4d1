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
    /// <summary>The person's name, shown in the header and written in records they sign (a rectification).</summary>
    public const string Nom = "egalis:nom";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Utilisateur user)
    {
        var identite = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.NomComplet))
        {
            identite.AddClaim(new Claim(Nom, user.NomComplet));
        }
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
    /// <summary>The person's name, or their e-mail address when no name was given.</summary>
    public static string NomDe(ClaimsPrincipal user) => user.FindFirst(UtilisateurClaimsFactory.Nom)?.Value ?? user.Identity?.Name ?? "";

    public static string? TerritoireDe(ClaimsPrincipal user) => user.FindFirst(UtilisateurClaimsFactory.Territoire)?.Value;

    public static string? CommuneDe(ClaimsPrincipal user) => user.FindFirst(UtilisateurClaimsFactory.Commune)?.Value;
}

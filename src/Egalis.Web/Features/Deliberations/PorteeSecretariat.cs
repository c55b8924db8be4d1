using System.Security.Claims;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// Which assemblies a user may run: the record check of « tenir le secrétariat » (all assemblies for the plan's team,
/// their own conseil de territoire's for its referent), through the platform's territorial handler.
/// </summary>
public sealed class PorteeSecretariat(IAuthorizationService autorisation, CapabilityCatalog capacites)
{
    private static readonly OnRecordRequirement Gerer = new(DeliberationsModule.TenirLeSecretariat);

    public async Task<bool> PeutGererAsync(ClaimsPrincipal user, Assemblee assemblee) =>
        (await autorisation.AuthorizeAsync(user, assemblee, Gerer)).Succeeded;

    /// <summary>True when the user runs every assembly (and so may create a commission).</summary>
    public bool Partout(ClaimsPrincipal user) => capacites.ScopeOf(user, DeliberationsModule.TenirLeSecretariat).All;

    public IQueryable<Assemblee> Gerables(IQueryable<Assemblee> assemblees, ClaimsPrincipal user)
    {
        var perimetre = capacites.ScopeOf(user, DeliberationsModule.TenirLeSecretariat);
        if (perimetre.All)
        {
            return assemblees;
        }
        var territoire = perimetre.Territoire;
        return assemblees.Where(a => territoire != null && a.ConseilTerritoireCode == territoire);
    }
}

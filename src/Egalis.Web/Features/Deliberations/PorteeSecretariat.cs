using System.Security.Claims;
using Egalis.Web.Platform.Identity;

namespace Egalis.Web.Features.Deliberations;

/// <summary>Which assemblies a user may run: all for the plan's team, their own conseil de territoire for its referent.</summary>
public static class PorteeSecretariat
{
    public static bool PeutGerer(ClaimsPrincipal user, Assemblee assemblee) =>
        PorteeUtilisateur.EquipeDuPlan(user)
        || (user.IsInRole(Roles.ReferentTerritoire) && assemblee.ConseilTerritoireCode is not null && assemblee.ConseilTerritoireCode == PorteeUtilisateur.TerritoireDe(user));

    public static IQueryable<Assemblee> Gerables(IQueryable<Assemblee> assemblees, ClaimsPrincipal user)
    {
        if (PorteeUtilisateur.EquipeDuPlan(user))
        {
            return assemblees;
        }
        var territoire = user.IsInRole(Roles.ReferentTerritoire) ? PorteeUtilisateur.TerritoireDe(user) : null;
        return assemblees.Where(a => territoire != null && a.ConseilTerritoireCode == territoire);
    }
}

using System.Security.Claims;
using Egalis.Web.Platform.Modules;
using Microsoft.AspNetCore.Authorization;

namespace Egalis.Web.Platform.Identity;

/// <summary>A record that belongs to a conseil de territoire or a commune (an assembly, later a local plan).</summary>
public interface ITerritorialRecord
{
    string? ConseilTerritoireCode { get; }
    string? CommuneCodeInsee { get; }
}

/// <summary>A record that belongs to one person (an applicant's dossier, a young person's application).</summary>
public interface IOwnedRecord
{
    string ProprietaireId { get; }
}

/// <summary>« May this user exercise this capability on this record? », asked of <c>IAuthorizationService</c>.</summary>
public sealed record OnRecordRequirement(string Capacite) : IAuthorizationRequirement;

/// <summary>The capabilities the modules declared, and who holds them.</summary>
public sealed class CapabilityCatalog
{
    private readonly Dictionary<string, CapabilityDefinition> _parNom;

    public CapabilityCatalog(IEnumerable<CapabilityDefinition> capacites)
    {
        var liste = capacites.ToList();
        var doubles = liste.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (doubles.Count > 0)
        {
            throw new InvalidOperationException("Capacités déclarées deux fois : " + string.Join(", ", doubles));
        }
        _parNom = liste.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<CapabilityDefinition> All => _parNom.Values;

    public CapabilityDefinition Find(string nom) =>
        _parNom.TryGetValue(nom, out var c) ? c : throw new InvalidOperationException($"Capacité non déclarée : « {nom} ».");

    /// <summary>
    /// Where the user may exercise the capability: everywhere when one of their roles holding it has no scope
    /// (Roles.PorteeRequise), else their own territory or commune; nowhere without such a role.
    /// </summary>
    public CapabilityScope ScopeOf(ClaimsPrincipal user, string capacite)
    {
        var roles = Find(capacite).Roles.Where(user.IsInRole).ToList();
        if (roles.Count == 0)
        {
            return CapabilityScope.None;
        }
        if (roles.Any(r => Roles.PorteeRequise(r) == Portee.Aucune))
        {
            return CapabilityScope.Everywhere;
        }
        return new CapabilityScope(false,
            roles.Contains(Roles.ReferentTerritoire) ? PorteeUtilisateur.TerritoireDe(user) : null,
            roles.Contains(Roles.ReferentCommune) ? PorteeUtilisateur.CommuneDe(user) : null);
    }
}

/// <summary>Where a user may act: everywhere, or within a territory and/or a commune (none of them: nowhere).</summary>
public sealed record CapabilityScope(bool All, string? Territoire, string? Commune)
{
    public static readonly CapabilityScope None = new(false, null, null);
    public static readonly CapabilityScope Everywhere = new(true, null, null);

    public bool Covers(ITerritorialRecord enregistrement) =>
        All
        || (Territoire is not null && enregistrement.ConseilTerritoireCode == Territoire)
        || (Commune is not null && enregistrement.CommuneCodeInsee == Commune);
}

/// <summary>
/// Territorial scope: the capability, within the user's territory or commune when their role is scoped. A capability
/// held on one's own records only is the owner handler's alone: scope never widens it.
/// </summary>
public sealed class TerritorialScopeHandler(CapabilityCatalog capacites) : AuthorizationHandler<OnRecordRequirement, ITerritorialRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OnRecordRequirement requirement, ITerritorialRecord resource)
    {
        if (!capacites.Find(requirement.Capacite).OnOwnRecords
            && capacites.ScopeOf(context.User, requirement.Capacite).Covers(resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Ownership: a capability held on one's own records only (declared with <c>CapabilityOnOwnRecords</c>) succeeds on a
/// record that is the user's. Another capability succeeds on a record with no territory for roles with no scope (an
/// instructor on every dossier); on a territorial record, the scope handler alone decides.
/// </summary>
public sealed class OwnerHandler(CapabilityCatalog capacites) : AuthorizationHandler<OnRecordRequirement, IOwnedRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OnRecordRequirement requirement, IOwnedRecord resource)
    {
        var capacite = capacites.Find(requirement.Capacite);
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var accorde = capacite.OnOwnRecords
            ? capacite.Roles.Any(context.User.IsInRole) && id is not null && id == resource.ProprietaireId
            : resource is not ITerritorialRecord && capacites.ScopeOf(context.User, requirement.Capacite).All;
        if (accorde)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

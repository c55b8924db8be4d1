using System.Security.Claims;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Platform.Ui;

/// <summary>An entry of the main navigation; with no capability, it is public.</summary>
public sealed record MenuEntry(string Libelle, string Page, int Ordre, string? Capacite = null);

/// <summary>The entries the modules declared; the layout shows those whose capability the user holds.</summary>
public sealed class MenuRegistry(IEnumerable<MenuEntry> entries, IEnumerable<Capacite> capacites)
{
    private readonly List<MenuEntry> _entries = entries.OrderBy(e => e.Ordre).ToList();
    private readonly Dictionary<string, IReadOnlyList<string>> _roles = capacites.ToDictionary(c => c.Nom, c => c.Roles, StringComparer.Ordinal);

    public IEnumerable<MenuEntry> For(ClaimsPrincipal user) =>
        _entries.Where(e => e.Capacite is null || (_roles.TryGetValue(e.Capacite, out var roles) && roles.Any(user.IsInRole)));
}

/// <summary>A step of the breadcrumb, set by a page in ViewData["FilAriane"].</summary>
public sealed record Miette(string Libelle, string? Url);

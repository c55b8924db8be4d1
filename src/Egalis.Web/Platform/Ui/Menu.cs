using System.Security.Claims;
using Egalis.Web.Platform.Identity;

namespace Egalis.Web.Platform.Ui;

/// <summary>An entry of the main navigation; with no capability, it is public.</summary>
public sealed record MenuEntry(string Libelle, string Page, int Ordre, string? Capacite = null);

/// <summary>The entries the modules declared; the layout shows those whose capability the user holds.</summary>
public sealed class MenuRegistry
{
    private readonly List<MenuEntry> _entries;
    private readonly CapabilityCatalog _capacites;

    public MenuRegistry(IEnumerable<MenuEntry> entries, CapabilityCatalog capacites)
    {
        _entries = entries.OrderBy(e => e.Ordre).ToList();
        _capacites = capacites;
        // A misspelt capability would hide its entry from everyone: it stops the start instead.
        foreach (var entree in _entries.Where(e => e.Capacite is not null))
        {
            _capacites.Find(entree.Capacite!);
        }
    }

    public IEnumerable<MenuEntry> For(ClaimsPrincipal user) =>
        _entries.Where(e => e.Capacite is null || _capacites.Find(e.Capacite).Roles.Any(user.IsInRole));
}

/// <summary>A step of the breadcrumb, set by a page in ViewData["FilAriane"].</summary>
public sealed record Breadcrumb(string Libelle, string? Url);

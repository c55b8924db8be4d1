using System.Security.Claims;

namespace Egalis.Web.Platform.Ui;

/// <summary>An entry of the main navigation; with no roles, it is public.</summary>
public sealed record MenuEntry(string Libelle, string Page, int Ordre, params string[] Roles)
{
    public bool VisibleTo(ClaimsPrincipal user) =>
        Roles.Length == 0 || Roles.Any(user.IsInRole);
}

/// <summary>Each module adds its entries at start-up; the layout shows those of the user's roles.</summary>
public sealed class MenuRegistry
{
    private readonly List<MenuEntry> _entries = [];

    public void Add(MenuEntry entry) => _entries.Add(entry);

    public IEnumerable<MenuEntry> For(ClaimsPrincipal user) =>
        _entries.Where(e => e.VisibleTo(user)).OrderBy(e => e.Ordre);
}

/// <summary>A step of the breadcrumb, set by a page in ViewData["FilAriane"].</summary>
public sealed record Miette(string Libelle, string? Url);

using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Administration.Pages;

[Authorize(Policy = AdministrationModule.Administrer)]
public class UtilisateursModel(EgalisDbContext db) : PageModel
{
    public sealed record Ligne(string Id, string Nom, string Email, List<string> Roles, string? Perimetre, bool DeuxFacteurs, bool Desactive);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? NumeroPage { get; set; }

    public List<Ligne> Lignes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(u => u.NomComplet.ToLower().Contains(q) || u.Email!.ToLower().Contains(q));
        }
        var pagination = Pager.Paginate(await query.CountAsync(ct), NumeroPage);
        (PageCourante, Pages, Total) = (pagination.Number, pagination.Pages, pagination.Total);
        // One query for the page, roles and scope names included (no query per row).
        var rows = await pagination.Apply(query.OrderBy(u => u.NomComplet).ThenBy(u => u.Email))
            .Select(u => new
            {
                u.Id, u.NomComplet, u.Email, u.TwoFactorEnabled, Desactive = u.DesactiveLe != null,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                Territoire = db.Set<ConseilTerritoire>().Where(t => t.Code == u.ConseilTerritoireCode).Select(t => t.Nom).FirstOrDefault(),
                Commune = db.Set<Commune>().Where(c => c.CodeInsee == u.CommuneCodeInsee).Select(c => c.Nom).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Lignes = rows.Select(r => new Ligne(r.Id, r.NomComplet, r.Email ?? "", r.Roles.Order().ToList(),
            r.Commune is not null ? $"Commune : {r.Commune}" : r.Territoire is not null ? $"Territoire : {r.Territoire}" : null,
            r.TwoFactorEnabled, r.Desactive)).ToList();
    }
}

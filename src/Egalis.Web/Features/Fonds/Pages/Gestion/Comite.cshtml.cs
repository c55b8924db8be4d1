using System.ComponentModel.DataAnnotations;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages.Gestion;

/// <summary>
/// A selection committee: the dossiers ready (in instruction, scored enough) with their marks and amounts asked; its
/// decisions, applied at once with the commitments on the call's envelope; afterwards, what it decided.
/// </summary>
[Authorize(Policy = FondsModule.GererLeFonds)]
public class ComiteModel(EgalisDbContext db, ComiteService comites, IConfiguration configuration) : PageModel
{
    public sealed class DecisionInput
    {
        public int DossierId { get; set; }
        [Display(Name = "Décision")] public string? Choix { get; set; }
        [Display(Name = "Montant accordé (€)")] public decimal? Montant { get; set; }
        [Display(Name = "Motif du refus")] public string? Motif { get; set; }
    }

    [BindProperty] public List<DecisionInput> Decisions { get; set; } = [];
    [BindProperty, Display(Name = "Je confirme les décisions du comité : les montants accordés sont engagés sur l'enveloppe, et les porteurs en sont informés")]
    public bool Confirmation { get; set; }

    public Comite Comite { get; private set; } = null!;
    public AppelAProjets Appel { get; private set; } = null!;
    public List<ComiteService.Ligne> Lignes { get; private set; } = [];
    public decimal? Enveloppe { get; private set; }
    public decimal Engage { get; private set; }
    public List<(DecisionComite Decision, string? Intitule, string Organisation)> Prises { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Decisions = Lignes.Where(l => l.Pret).Select(l => new DecisionInput { DossierId = l.Dossier.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer : les décisions engagent les montants et ne se défont pas ici.");
            return Page();
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var choix = Decisions.Select(d => new ComiteService.Choix(d.DossierId, d.Choix switch { "accorder" => true, "refuser" => false, _ => null }, d.Montant, d.Motif)).ToList();
        var resultat = await comites.AppliquerAsync(id, version, choix, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ, message);
            }
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = "Les décisions du comité sont appliquées : les montants accordés sont engagés et les porteurs informés par courriel.";
        return Redirect($"/fonds/gestion/comite/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var comite = await db.Set<Comite>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (comite is null)
        {
            return NotFound();
        }
        Comite = comite;
        Appel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == comite.AppelId, ct);
        if (Appel.AllocationId is { } allocation)
        {
            Enveloppe = await db.Set<Allocation>().Where(a => a.Id == allocation).Select(a => a.Montant).SingleAsync(ct);
            Engage = (await db.Set<Engagement>().Where(e => e.AllocationId == allocation && e.Statut == StatutEngagement.Engage).Select(e => e.Montant).ToListAsync(ct)).Sum();
        }
        if (comite.Statut == StatutComite.Tenu)
        {
            Prises = (await (from d in db.Set<DecisionComite>().AsNoTracking().Where(d => d.ComiteId == id)
                             join x in db.Set<Dossier>() on d.DossierId equals x.Id
                             join o in db.Set<Organisation>() on x.OrganisationId equals o.Id
                             orderby d.Id
                             select new { d, x.Intitule, o.Nom }).ToListAsync(ct))
                .Select(x => (x.d, (string?)x.Intitule, x.Nom)).ToList();
        }
        else
        {
            Lignes = await comites.DossiersAsync(comite.AppelId, ct);
        }
        return null;
    }
}

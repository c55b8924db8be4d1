using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Egalis.Web.Features.Administration.Pages;

/// <summary>The scheduled jobs: what each does, when it last ran and how, when it runs next; run one now.</summary>
[Authorize(Policy = AdministrationModule.Administrer)]
public class TachesModel(IEnumerable<DeclaredJob> declarees, ISchedulerFactory planificateurs, EgalisDbContext db, TimeProvider time, Platform.Audit.IAuditActor acteur) : PageModel
{
    public sealed record Ligne(DeclaredJob Tache, DateTimeOffset? Prochaine, JobRun? Derniere, JobRun? DerniereErreur);

    public List<Ligne> Lignes { get; } = [];

    [BindProperty] public string? Cle { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostExecuterAsync(CancellationToken ct)
    {
        var tache = declarees.FirstOrDefault(t => t.Key == Cle);
        if (tache is null)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(Cle), "Cette tâche n'existe pas.");
            return Page();
        }
        // Who started which job, and when, is in the log: the retention job deletes and anonymises.
        db.AuditEntries.Add(new Platform.Audit.AuditEntry
        {
            Qui = acteur.Name ?? Platform.Identity.PorteeUtilisateur.NomDe(User), Module = "Tâches", Entite = nameof(DeclaredJob), EntiteId = tache.Key, Action = "exécution",
            Resume = $"Tâche « {tache.Label} » lancée à la demande.", Lien = "/administration/taches", Quand = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        var planificateur = await planificateurs.GetScheduler(ct);
        await planificateur.TriggerJob(new JobKey(tache.Key), ct);
        TempData["Message"] = $"La tâche « {tache.Label} » est lancée : son résultat s'affiche ici dès qu'elle a fini (rechargez la page).";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var cles = declarees.Select(t => t.Key).ToList();
        // Two queries for every job: its last run, and its last failed run.
        var derniers = await db.Set<JobRun>().Where(e => cles.Contains(e.Cle)).GroupBy(e => e.Cle).Select(g => g.Max(e => e.Id)).ToListAsync(ct);
        var erreurs = await db.Set<JobRun>().Where(e => cles.Contains(e.Cle) && !e.Reussie).GroupBy(e => e.Cle).Select(g => g.Max(e => e.Id)).ToListAsync(ct);
        var ids = derniers.Concat(erreurs).ToList();
        var executions = await db.Set<JobRun>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        var planificateur = await planificateurs.GetScheduler(ct);
        foreach (var tache in declarees.OrderBy(t => t.Label, StringComparer.Ordinal))
        {
            var declencheur = await planificateur.GetTrigger(new TriggerKey(tache.Key), ct);
            Lignes.Add(new Ligne(tache, declencheur?.NextFireTimeUtc,
                executions.Where(e => e.Cle == tache.Key && derniers.Contains(e.Id)).SingleOrDefault(),
                executions.Where(e => e.Cle == tache.Key && erreurs.Contains(e.Id)).SingleOrDefault()));
        }
    }
}

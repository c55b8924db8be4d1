using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Jobs;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Every morning: the organisations whose financial report is due within thirty days are reminded once, and those
/// whose report is overdue are told once that they cannot submit a new dossier until it is in.
/// </summary>
public sealed class ComptesRendusJob(IServiceScopeFactory scopes, TimeProvider time) : Job(scopes, time)
{
    public const string Cle = "fonds-comptes-rendus";

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<EgalisDbContext>();
        var aujourdhui = Paris.Today(services.GetRequiredService<TimeProvider>());
        // A superset of the projects whose reminder date has come (ended about five months ago or earlier), refined by the rules.
        var finAuPlusTard = aujourdhui.AddDays(Suivi.JoursAvantRappel + 1).AddMonths(-Suivi.MoisPourLeCompteRendu + 1);
        var candidats = await db.Set<Dossier>()
            .Where(d => d.Etat == EtatDossier.Accepte && d.DateFin != null && d.DateFin <= finAuPlusTard
                && (d.CompteRenduRappeleLe == null || d.CompteRenduRetardSignaleLe == null)
                && !db.Set<CompteRenduFinancier>().Any(c => c.DossierId == d.Id && c.DeposeLe != null))
            .OrderBy(d => d.Id).ToListAsync(ct);
        var lienBase = services.GetRequiredService<IConfiguration>()["Egalis:UrlPublique"]?.TrimEnd('/') ?? "";
        var (rappels, retards) = (new List<Dossier>(), new List<Dossier>());
        foreach (var d in candidats)
        {
            if (Suivi.EnRetard(d.DateFin, false, aujourdhui))
            {
                if (d.CompteRenduRetardSignaleLe is null)
                {
                    d.CompteRenduRetardSignaleLe = aujourdhui;
                    // An overdue report needs no reminder any more.
                    d.CompteRenduRappeleLe ??= aujourdhui;
                    retards.Add(d);
                }
            }
            else if (Suivi.ARappeler(d.DateFin, false, aujourdhui) && d.CompteRenduRappeleLe is null)
            {
                d.CompteRenduRappeleLe = aujourdhui;
                rappels.Add(d);
            }
        }
        if (rappels.Count + retards.Count == 0)
        {
            return "Aucun compte rendu à rappeler ni de nouveau retard.";
        }
        // Recorded first: a message is never sent twice, even if this run fails halfway.
        await db.SaveChangesAsync(ct);
        var workflows = services.GetRequiredService<Platform.Workflows.Workflows>();
        var profil = services.GetRequiredService<Platform.Collectivite.ProfilCollectivite>();
        foreach (var d in rappels)
        {
            var echeance = Suivi.EcheanceCompteRendu(d.DateFin!.Value);
            await DossiersService.NotifierMembresAsync(db, workflows, profil, d, ("Compte rendu financier à déposer",
                $"Dossier « {d.Intitule} ».\nLe compte rendu financier du projet (CERFA n° 15059) est à déposer au plus tard le {echeance:dd/MM/yyyy}. Vous pouvez le rédiger dès maintenant : {lienBase}/fonds/dossier/{d.Id}/compte-rendu"), lienBase, ct);
        }
        foreach (var d in retards)
        {
            var echeance = Suivi.EcheanceCompteRendu(d.DateFin!.Value);
            await DossiersService.NotifierMembresAsync(db, workflows, profil, d, ("Compte rendu financier en retard",
                $"Dossier « {d.Intitule} ».\nLe compte rendu financier du projet était attendu le {echeance:dd/MM/yyyy}. Tant qu'il n'est pas déposé, l'organisation ne peut pas déposer de nouveau dossier au fonds d'initiative, et le solde de la subvention ne peut pas être versé. Déposez-le ici : {lienBase}/fonds/dossier/{d.Id}/compte-rendu"), lienBase, ct);
        }
        return $"{French.Majuscule(French.Nombre(rappels.Count, "rappel envoyé", "rappels envoyés"))}, {French.Nombre(retards.Count, "compte rendu signalé", "comptes rendus signalés")} en retard.";
    }
}

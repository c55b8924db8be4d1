using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>« Mon espace » of an applicant: the organisations they act for, or where to start when there is none.</summary>
public sealed class OrganisationsEspace(EgalisDbContext db, TimeProvider time) : IEspaceContribution
{
    private const int Affichees = 5;

    public async Task<BlocEspace?> LoadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Porteur) || OrganisationsService.Id(user) is not { } id)
        {
            return null;
        }
        var miennes = db.Set<Organisation>().AsNoTracking().Where(o => db.Set<MembreOrganisation>().Any(m => m.OrganisationId == o.Id && m.UtilisateurId == id));
        var total = await miennes.CountAsync(ct);
        if (total == 0)
        {
            return new BlocEspace("Fonds d'initiative", [new LigneEspace("Enregistrer votre association ou votre commune", "/fonds/organisations", "avant de déposer un dossier")], 1);
        }
        // The dossiers waiting for them first (a correction asked for, a draft), then their organisations.
        var dossiers = await db.Set<Dossier>().AsNoTracking()
            .Where(d => miennes.Any(o => o.Id == d.OrganisationId) && (d.CorrectionDemandee != null || d.Etat == EtatDossier.Brouillon))
            .OrderBy(d => d.CorrectionDemandee == null).ThenByDescending(d => d.ModifieLe).Take(Affichees)
            .Select(d => new { d.Id, d.Intitule, Correction = d.CorrectionDemandee != null }).ToListAsync(ct);
        // The financial reports of projects that have ended, not yet submitted: overdue ones block any new dossier.
        var aujourdhui = Platform.Web.Paris.Today(time);
        var rapports = (await db.Set<Dossier>().AsNoTracking()
                .Where(d => miennes.Any(o => o.Id == d.OrganisationId) && d.Etat == EtatDossier.Accepte && d.DateFin != null && d.DateFin < aujourdhui
                    && !db.Set<CompteRenduFinancier>().Any(c => c.DossierId == d.Id && c.DeposeLe != null))
                .OrderBy(d => d.DateFin).Take(Affichees).Select(d => new { d.Id, d.Intitule, d.DateFin }).ToListAsync(ct))
            .Select(d => (d.Id, d.Intitule, Echeance: Suivi.EcheanceCompteRendu(d.DateFin!.Value))).ToList();
        var lignes = await miennes.OrderBy(o => o.Nom).Take(Affichees).Select(o => new { o.Id, o.Nom, o.Iban }).ToListAsync(ct);
        return new BlocEspace("Fonds d'initiative : mes dossiers et organisations",
            rapports.Select(r => new LigneEspace($"Compte rendu financier : {r.Intitule}", $"/fonds/dossier/{r.Id}/compte-rendu",
                    r.Echeance < aujourdhui ? $"en retard depuis le {r.Echeance.AddDays(1):dd/MM/yyyy}" : $"à déposer avant le {r.Echeance:dd/MM/yyyy}", r.Echeance < aujourdhui))
                .Concat(dossiers.Select(d => new LigneEspace(d.Intitule ?? $"Dossier n° {d.Id}", $"/fonds/dossier/{d.Id}", d.Correction ? "correction demandée" : "brouillon à terminer", d.Correction)))
                .Concat(lignes.Select(o => new LigneEspace(o.Nom, $"/fonds/organisation/{o.Id}", o.Iban is null ? "coordonnées bancaires à renseigner" : "organisation")))
                .ToList(),
            rapports.Count + dossiers.Count + total, "/fonds/organisations", "Voir mes organisations");
    }
}

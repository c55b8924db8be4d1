using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Features.Fonds;

/// <summary>The fund's records in the audit log, in the team's words.</summary>
public static class FondsAudit
{
    private const string Module = "Fonds d'initiative";

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<AppelAProjets>
        {
            Module = Module,
            Nom = (a, _) => $"l'appel à projets {a.Annee} « {a.Titre} »",
            Lien = a => $"/fonds/gestion/appel/{a.Id}",
            Champs = new Dictionary<string, string>
            {
                ["Titre"] = "titre", ["Reglement"] = "règlement", ["Ouverture"] = "ouverture", ["Cloture"] = "clôture",
                ["AllocationId"] = "enveloppe", ["Statut"] = "statut", ["MontantMaximum"] = "montant maximal",
                ["PartMaximale"] = "part maximale du coût", ["NotesRequises"] = "notations requises", ["Territoires"] = "territoires",
            },
            Formats = new Dictionary<string, Func<object?, string?>>
            {
                ["Ouverture"] = v => v is DateTimeOffset d ? Platform.Web.Paris.Display(d) : null,
                ["Cloture"] = v => v is DateTimeOffset d ? Platform.Web.Paris.Display(d) : null,
                ["Statut"] = v => v is StatutAppel s ? AppelsService.Libelle(s) : null,
                ["MontantMaximum"] = v => v is decimal m ? Budget.Euros.Format(m) : null,
            },
        });
        services.AddAuditDescription(new AuditDescription<CritereNotation>
        {
            Module = Module,
            Nom = (c, _) => $"le critère de notation « {c.Libelle} »",
            Lien = c => $"/fonds/gestion/appel/{c.AppelId}",
        });
        services.AddAuditDescription(new AuditDescription<CommunePlanLocal>
        {
            Module = Module,
            Nom = (c, _) => $"le plan local de la commune {c.CommuneCodeInsee}",
            Lien = _ => "/fonds/gestion",
        });
    }
}

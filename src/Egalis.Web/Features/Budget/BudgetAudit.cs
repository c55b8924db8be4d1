using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Features.Budget;

/// <summary>The budget's records in the audit log: amounts in euros, whose commitment, on which year.</summary>
public static class BudgetAudit
{
    private const string Module = "Budget";

    private static string? Montant(object? valeur) => valeur is decimal m ? Euros.Format(m) : null;

    private static readonly Dictionary<string, Func<object?, string?>> EnEuros = new() { ["Montant"] = Montant };

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<Exercice> { Module = Module, Nom = (e, _) => $"l'exercice {e.Annee}", Lien = _ => "/budget" });
        services.AddAuditDescription(new AuditDescription<LigneBudgetaire>
        {
            Module = Module,
            Nom = (l, _) => $"la ligne budgétaire {l.SousPolitique} / {l.Nature} / {l.Fonction}",
            Lien = _ => "/budget",
            Champs = new Dictionary<string, string> { ["Libelle"] = "libellé" },
        });
        services.AddAuditDescription(new AuditDescription<Credit>
        {
            Module = Module,
            Nom = (c, _) => $"les crédits {c.Annee}",
            Lien = _ => "/budget",
            Champs = new Dictionary<string, string> { ["Montant"] = "montant" },
            Formats = EnEuros,
        });
        services.AddAuditDescription(new AuditDescription<Allocation>
        {
            Module = Module,
            Nom = (a, db) => $"l'allocation de l'action {a.ActionCode} sur les crédits {AuditReader.Read<Credit, int>(db, c => c.Id == a.CreditId, c => c.Id == a.CreditId, c => c.Annee)}",
            Lien = _ => "/budget",
            Champs = new Dictionary<string, string> { ["Montant"] = "montant" },
            Formats = EnEuros,
        });
        services.AddAuditDescription(new AuditDescription<Engagement>
        {
            Module = Module,
            Nom = (e, _) => $"l'engagement de {Euros.Format(e.Montant)} pour {e.Beneficiaire} (« {e.Objet} »)",
            Lien = e => $"/budget/engagement/{e.Id}",
            Champs = new Dictionary<string, string>
            {
                ["Montant"] = "montant", ["Beneficiaire"] = "bénéficiaire", ["Objet"] = "objet", ["Date"] = "date", ["Reference"] = "référence", ["MotifAnnulation"] = "motif d'annulation",
            },
            Formats = EnEuros,
            Phrase = (e, etat, _) => etat == AuditState.Modification && e.Property(x => x.Statut).IsModified && e.Entity.Statut == StatutEngagement.Annule
                ? $"Annulation de l'engagement de {Euros.Format(e.Entity.Montant)} pour {e.Entity.Beneficiaire} : {e.Entity.MotifAnnulation}."
                : etat == AuditState.Modification && !e.Properties.Any(p => p.IsModified && p.Metadata.Name != "Version") ? "" : null,
        });
        services.AddAuditDescription(new AuditDescription<Mandatement>
        {
            Module = Module,
            Nom = (m, db) => $"le mandatement de {Euros.Format(m.Montant)} sur l'engagement pour {AuditReader.Read<Engagement, string>(db, e => e.Id == m.EngagementId, e => e.Id == m.EngagementId, e => e.Beneficiaire) ?? "?"}",
            Lien = m => $"/budget/engagement/{m.EngagementId}",
            Champs = new Dictionary<string, string> { ["Montant"] = "montant", ["Date"] = "date", ["Reference"] = "référence" },
            Formats = EnEuros,
        });
    }
}

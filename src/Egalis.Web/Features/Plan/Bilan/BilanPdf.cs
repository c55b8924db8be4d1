using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Pdf;

namespace Egalis.Web.Features.Plan.Bilan;

/// <summary>The annual report as a PDF, with the same content as its HTML page.</summary>
public static class BilanPdf
{
    public static byte[] Rendre(BilanAnnuel bilan, Platform.Collectivite.ProfilCollectivite profil)
    {
        using var pdf = new PdfDocumentWriter(bilan.Titre, profil.Nom, bilan.Titre);
        // Cover.
        pdf.Title(bilan.Titre);
        pdf.Subtitle(bilan.Plan.Plan.Titre);
        pdf.Paragraph($"{profil.Nom} – {profil.Service}.");
        pdf.Paragraph($"Plan {profil.Adoption}. Bilan établi le {bilan.EtabliLe:dd/MM/yyyy}, à partir des données de la plateforme Egalis à cette date.");
        pdf.NewPage();

        pdf.Titre1("Synthèse");
        pdf.Paragraph($"Avancement d'ensemble du plan : {BilanAnnuel.Avancement(bilan.Plan.Progression)}.");
        pdf.List(bilan.Plan.Axes.Select(a => $"Axe {a.Element.Code} – {a.Element.Titre} : {BilanAnnuel.Avancement(a.Progression)}"));
        pdf.Paragraph("Actions par statut : " + string.Join(" ; ", bilan.ParStatut.Select(s => $"{s.Statut} : {s.Nombre}")) + ".");
        if (bilan.Budget is { } b)
        {
            pdf.Paragraph($"Budget {bilan.Annee} : {Euros.Format(b.Credits)} de crédits votés, {Euros.Format(b.Alloue)} alloués aux actions, {Euros.Format(b.Engage)} engagés, {Euros.Format(b.Mandate)} mandatés.");
        }
        else
        {
            pdf.Paragraph($"Aucun budget n'est enregistré pour {bilan.Annee}.");
        }

        pdf.Titre1("Les actions");
        foreach (var n in bilan.Actions)
        {
            pdf.Titre2($"{NiveauLibelle.De(n.Element.Niveau)} {n.Element.Code} – {n.Element.Titre}");
            pdf.Paragraph($"Statut : {n.Statut.Libelle}. Avancement : {BilanAnnuel.Avancement(n.Progression)}. Période : {BilanAnnuel.Periode(n.Element)}.");
            if (bilan.JalonsParElement.TryGetValue(n.Element.Id, out var jalons))
            {
                pdf.List(jalons.Select(j => $"Jalon du {j.Date:dd/MM/yyyy} : {j.Titre} ({BilanAnnuel.EtatJalon(j, bilan.EtabliLe)})"));
            }
        }

        pdf.Titre1($"Indicateurs {bilan.Annee}");
        pdf.Table(["Indicateur", "Unité", "Valeur", "Cible", "Atteinte"],
            bilan.Indicateurs.Select(l =>
            {
                var p = l.ParAnnee[bilan.Annee];
                return (IReadOnlyList<string>)[l.Indicateur.Libelle, l.Indicateur.Unite, IndicateursService.Format(p.Valeur), IndicateursService.Format(p.Cible),
                    p.Atteint switch { true => "oui", false => "non", _ => "–" }];
            }),
            [5, 1.6, 1.2, 1.2, 1.2], aDroite: new HashSet<int> { 2, 3 });

        pdf.Titre1($"Budget exécuté par action en {bilan.Annee}");
        if (bilan.Budget is { Actions.Count: > 0 } budget)
        {
            pdf.Table(["Action", "Alloué", "Engagé", "Mandaté"],
                budget.Actions.Select(a => (IReadOnlyList<string>)[$"{a.Code} {bilan.TitreAction(a.Code)}", Euros.Format(a.Alloue), Euros.Format(a.Engage), Euros.Format(a.Mandate)])
                    .Append(["Total", Euros.Format(budget.Alloue), Euros.Format(budget.Engage), Euros.Format(budget.Mandate)]),
                [4.6, 1.8, 1.8, 1.8], aDroite: new HashSet<int> { 1, 2, 3 });
        }
        else
        {
            pdf.Paragraph("Les crédits de l'année ne sont pas répartis entre les actions.");
        }
        return pdf.Save();
    }
}

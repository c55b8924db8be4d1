using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Fonds.Pages;
using Egalis.Web.Platform.Pdf;

namespace Egalis.Web.Features.Fonds;

/// <summary>One dossier as a PDF: everything submitted, in the CERFA 12156 order, and its history.</summary>
public static class DossierPdf
{
    public static byte[] Rendre(DossierLecture l, Platform.Collectivite.ProfilCollectivite profil)
    {
        var d = l.Dossier;
        var o = l.Organisation;
        var titre = d.Intitule ?? $"Dossier n° {d.Id}";
        using var pdf = new PdfDocumentWriter(titre, profil.Nom, $"Fonds d'initiative – dossier n° {d.Id}");
        pdf.Title(titre);
        pdf.Subtitle($"Appel « {l.Appel.Titre} » – dossier n° {d.Id}, {DossiersService.Libelle(d.Etat)}{(d.DeposeLe is { } depose ? $", déposé le {Platform.Web.Paris.Display(depose)}" : "")}");

        pdf.Titre1("1. Le demandeur");
        pdf.List(
        [
            $"{o.Nom} ({(o.Type == TypeOrganisation.Commune ? "commune" : "association")}), SIRET {o.Siret}{(o.Rna is null ? "" : $", RNA {o.Rna}")}",
            $"Siège : {o.Adresse}, {o.CodePostal} {o.Ville}",
            $"Représentant légal : {l.Representant ?? "non désigné"}",
            $"Agréments : {d.Agrements ?? "–"}",
            $"Moyens humains : {d.Salaries?.ToString() ?? "–"} salariés, {d.Etp?.ToString("0.##") ?? "–"} ETP, {d.Benevoles?.ToString() ?? "–"} bénévoles",
        ]);
        if (l.Pieces.Count > 0)
        {
            pdf.Paragraph("Pièces : " + string.Join(" ; ", l.Pieces.Select(p => $"{OrganisationsService.Libelle(p.Type)} ({p.Fichier.Nom})")) + ".");
        }

        pdf.Titre1("2. Le projet");
        string Noms(IEnumerable<string> codes, IEnumerable<(string Code, string Nom)> possibles) =>
            codes.Any() ? string.Join(", ", possibles.Where(p => codes.Contains(p.Code)).Select(p => p.Nom).Distinct()) : "–";
        foreach (var (libelle, texte) in new (string, string?)[]
        {
            ("Objectifs", d.Objectifs), ("Description", d.Description), ("Public visé", d.PublicVise), ("Moyens", d.Moyens), ("Évaluation", d.Evaluation),
        })
        {
            pdf.Titre2(libelle);
            foreach (var paragraphe in Platform.Text.Texts.Paragraphs(texte ?? "–"))
            {
                pdf.Paragraph(paragraphe);
            }
        }
        pdf.List(
        [
            $"Personnes touchées : {d.NombreBeneficiaires?.ToString() ?? "–"}",
            $"Dates : {(d.DateDebut is null ? "–" : $"du {d.DateDebut:dd/MM/yyyy} au {d.DateFin:dd/MM/yyyy}")}",
            $"Communes : {Noms(d.Communes, l.CommunesPossibles.Select(c => (c.Code, c.Nom)))}",
            $"Quartiers prioritaires : {Noms(d.Qpv, l.QpvPossibles.Select(q => (q.Code, q.Nom)))}",
            $"Critères de discrimination : {Noms(d.Criteres, l.CriteresPossibles)}",
            $"Domaines : {Noms(d.Domaines, ReglesDossier.DomainesPossibles.Select(p => (p.Code, p.Libelle)))}",
        ]);

        pdf.Titre1("3. Le budget du projet");
        var lignes = ReglesDossier.Charges.Where(p => d.Budget.Any(b => b.Code == p.Code)).Select(p => (IReadOnlyList<string>)[p.Libelle, Euros.Format(d.Budget.Single(b => b.Code == p.Code).Montant)])
            .Append(["Total des charges", Euros.Format(ReglesDossier.TotalCharges(d.Budget))])
            .Append(["74 – Métropole (montant demandé)", d.MontantDemande is { } m ? Euros.Format(m) : "–"])
            .Concat(ReglesDossier.Produits.Where(p => d.Budget.Any(b => b.Code == p.Code)).Select(p => (IReadOnlyList<string>)[p.Libelle, Euros.Format(d.Budget.Single(b => b.Code == p.Code).Montant)]))
            .Append(["Total des ressources", Euros.Format(ReglesDossier.TotalProduits(d.Budget, d.MontantDemande))])
            .ToList();
        pdf.Table(["Poste", "Montant"], lignes, [0.7, 0.3], new HashSet<int> { 1 });

        pdf.Titre1("4. Attestation");
        pdf.Paragraph($"Attestation sur l'honneur : {(d.Attestation ? "cochée" : "non cochée")}."
            + (o.Type == TypeOrganisation.Association ? $" Contrat d'engagement républicain : {(d.EngagementRepublicain ? "souscrit" : "non souscrit")}." : ""));

        pdf.Titre1("Historique");
        pdf.List(l.Historique.Count == 0 ? ["Aucune étape pour l'instant."]
            : l.Historique.Select(h => $"{Platform.Web.Paris.Display(h.Etape.Le)} : de « {h.De} » à « {h.Vers} », par {h.Etape.Par}{(h.Etape.Motif is null ? "" : $" – {h.Etape.Motif}")}"));
        return pdf.Save();
    }
}

using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Pdf;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The convention of a grant as a PDF (loi 2000-321 art. 10, décret 2001-495): the parties, the object, the amount
/// and its share of the cost, the payment schedule, the obligations, the financial report and its due date. Before it
/// is sent it is marked « projet »; without a convention, the same text is the notification of the terms.
/// </summary>
public static class ConventionPdf
{
    public static byte[] Rendre(SuiviService.Etat e, string? representant, Platform.Collectivite.ProfilCollectivite profil)
    {
        var c = e.Convention!;
        var d = e.Dossier;
        var o = e.Organisation;
        var projet = c.Statut == StatutConvention.Projet;
        var nature = c.AvecConvention ? "Convention d'attribution de subvention" : "Notification d'attribution de subvention";
        using var pdf = new PdfDocumentWriter(nature, profil.Nom, $"Fonds d'initiative – dossier n° {d.Id}{(projet ? " – PROJET" : "")}");
        pdf.Title(projet ? $"{nature} (projet)" : nature);
        pdf.Subtitle($"Fonds d'initiative du plan de lutte contre les discriminations – dossier n° {d.Id}");
        if (projet)
        {
            pdf.Paragraph("Projet soumis à relecture : ce document n'a pas encore été envoyé à l'organisation et n'engage pas la Métropole.");
        }

        pdf.Titre1(c.AvecConvention ? "Entre les parties" : "Bénéficiaire");
        pdf.List(
        [
            .. (c.AvecConvention ? new[] { $"{profil.Nom}, {profil.Adresse}, SIRET {profil.Siret}, ci-après « la Métropole » ;" } : []),
            $"{o.Nom}, {o.Adresse}, {o.CodePostal} {o.Ville}, SIRET {o.Siret}{(o.Rna is null ? "" : $", RNA {o.Rna}")}, représentée par {representant ?? "son représentant légal"}, ci-après « le bénéficiaire ».",
        ]);
        pdf.Paragraph($"Vu la décision du comité du fonds d'initiative du {e.DateDecision:dd/MM/yyyy}.");

        pdf.Titre1("Article 1 – Objet");
        pdf.Paragraph($"La Métropole soutient le projet « {d.Intitule} », mené par le bénéficiaire du {d.DateDebut:dd/MM/yyyy} au {d.DateFin:dd/MM/yyyy}, tel que décrit dans le dossier n° {d.Id}.");
        foreach (var paragraphe in Platform.Text.Texts.Paragraphs(d.Objectifs ?? ""))
        {
            pdf.Paragraph(paragraphe);
        }

        pdf.Titre1("Article 2 – Montant");
        var cout = ReglesDossier.TotalCharges(d.Budget);
        pdf.Paragraph($"La Métropole attribue au bénéficiaire une subvention de {Euros.Format(e.Montant)}"
            + (cout > 0 ? $", soit {Math.Round(100m * e.Montant / cout, 2).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} % du coût prévisionnel du projet ({Euros.Format(cout)})." : "."));

        pdf.Titre1("Article 3 – Versement");
        var tranches = Suivi.Echeancier(e.Montant, c.PremierePart);
        pdf.Table(["Versement", "Montant", "Condition"], tranches.Select(t => (IReadOnlyList<string>)
            [
                t.Rang == 1 && tranches.Count == 1 ? "Unique" : t.Rang == 1 ? "Premier versement" : "Solde",
                Euros.Format(t.Montant),
                t.ApresCompteRendu ? "Après le dépôt du compte rendu financier" : c.AvecConvention ? "À la signature de la convention" : "À la notification",
            ]), [0.3, 0.25, 0.45], new HashSet<int> { 1 });
        pdf.Paragraph($"Les versements sont faits par virement au compte de {d.TitulaireCompte ?? o.Nom}, IBAN {d.Iban ?? o.Iban}, BIC {d.Bic ?? o.Bic}, indiqué au dépôt du dossier.");

        pdf.Titre1("Article 4 – Obligations du bénéficiaire");
        pdf.List(
        [
            "employer la subvention au seul projet décrit à l'article 1 ;",
            "faire mention du soutien de la Métropole dans toute communication sur le projet ;",
            "informer sans délai la Métropole de toute modification du projet, de son calendrier ou de son budget ;",
            "respecter le contrat d'engagement républicain (loi n° 2021-1109) lorsqu'il s'agit d'une association ;",
            "accepter le contrôle par la Métropole de l'emploi de la subvention, sur pièces et sur place.",
        ]);

        pdf.Titre1("Article 5 – Compte rendu financier");
        pdf.Paragraph($"Le bénéficiaire dépose le compte rendu financier du projet (CERFA n° 15059) dans son espace Egalis au plus tard le {e.EcheanceCompteRendu:dd/MM/yyyy}, six mois après la fin du projet. "
            + "Tant qu'un compte rendu est en retard, le bénéficiaire ne peut pas déposer de nouveau dossier au fonds d'initiative.");

        pdf.Titre1("Article 6 – Reversement");
        pdf.Paragraph("La Métropole peut demander le reversement de tout ou partie de la subvention si le projet n'est pas réalisé, s'il l'est autrement que prévu sans son accord, ou si le compte rendu n'est pas déposé.");

        if (c.AvecConvention)
        {
            pdf.Titre1("Signatures");
            pdf.Table(["Pour la Métropole", "Pour le bénéficiaire"],
                [["Le Président ou son représentant", representant ?? "Le représentant légal"], ["Date et signature :", "Date et signature :"], ["\n\n\n", "\n\n\n"]],
                [0.5, 0.5]);
        }
        return pdf.Save();
    }
}

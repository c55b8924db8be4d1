using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Pdf;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Web;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// « Extrait du registre des délibérations », laid out like the founding act: object; the session
/// paragraph; the three attendance lists; secretary and rapporteur; the report; visas, considérants,
/// « délibère » and articles, or the taking note; signature; the prefecture's acknowledgment block.
/// </summary>
public static class ExtraitPdf
{
    public static byte[] Rendre(Registre.Acte acte, Presentation.Listes listes, string? matiere, IReadOnlyList<Rectification> rectifications, IReadOnlyList<Registre.Relation> relations, Platform.Collectivite.ProfilCollectivite profil)
    {
        var p = acte.Point;
        var s = acte.Seance;
        var titre = $"Extrait du registre des délibérations – {acte.Assemblee.Nom}";
        using var pdf = new PdfDocumentWriter(titre, profil.Nom, p.NumeroActe is null ? titre : $"Acte {p.NumeroActe}");
        pdf.Subtitle(profil.Nom);
        pdf.Title("Extrait du registre des délibérations");
        pdf.Subtitle(acte.Assemblee.Nom);
        if (p.NumeroActe is not null)
        {
            pdf.Titre2(p.NumeroActe);
        }
        pdf.Paragraph($"OBJET : {(p.Theme is null ? "" : p.Theme + " - ")}{p.Objet}");
        if (matiere is not null)
        {
            pdf.Paragraph($"Matière : {p.MatiereCode} {matiere}");
        }
        pdf.Paragraph(Libelles.Reunion(s, acte.Assemblee));
        if (listes.Presents.Count > 0)
        {
            pdf.Paragraph($"Etaient Présents : {string.Join(" – ", listes.Presents)}");
            pdf.Paragraph($"Étai(en)t excusé(es) avec pouvoir donné conformément aux dispositions de l'article L. 2121-20 du Code Général des Collectivités Territoriales : {(listes.Pouvoirs.Count == 0 ? "néant" : string.Join(" – ", listes.Pouvoirs))}");
            pdf.Paragraph($"Étai(en)t excusé(es) sans pouvoir : {(listes.Excuses.Count == 0 ? "néant" : string.Join(" – ", listes.Excuses))}");
            if (listes.Absents.Count > 0)
            {
                pdf.Paragraph($"Étai(en)t absent(s) : {string.Join(" – ", listes.Absents)}");
            }
            pdf.Paragraph($"Membres en exercice : {acte.MembresEnExercice} – présents : {acte.Presents} – représentés : {acte.Representes} – absents : {acte.Absents}.");
        }
        if (listes.Secretaire is not null)
        {
            pdf.Paragraph($"Secrétaire de séance : {listes.Secretaire}");
        }
        if (listes.Rapporteur is not null)
        {
            pdf.Paragraph($"{listes.Rapporteur} donne lecture du rapport ci-joint.");
        }
        if (!string.IsNullOrWhiteSpace(p.Rapport))
        {
            pdf.Titre1("Rapport");
            foreach (var paragraphe in Texts.Paragraphs(p.Rapport))
            {
                pdf.Paragraph(Texts.WithoutMarkup(paragraphe));
            }
        }
        if (p.Visas.Count > 0)
        {
            pdf.Paragraph("Vu");
            pdf.List(p.Visas.Select(Texts.WithoutMarkup));
        }
        if (p.Considerants.Count > 0)
        {
            pdf.Paragraph("Considérant");
            pdf.List(p.Considerants.Select(Texts.WithoutMarkup));
        }
        if (p.Articles.Count > 0)
        {
            pdf.Titre2("Délibère");
            for (var i = 0; i < p.Articles.Count; i++)
            {
                pdf.Paragraph($"Article {i + 1} : {Texts.WithoutMarkup(p.Articles[i])}");
            }
        }
        if (p.Genre == GenrePoint.PriseActe)
        {
            pdf.Titre2("Décision");
            pdf.Paragraph(p.TextePriseActe ?? "Après avoir pris connaissance du rapport, l'assemblée en prend acte.");
        }
        else if (acte.Scrutin is { } scrutin)
        {
            pdf.Paragraph($"Résultat du vote{(scrutin.Secret ? " (scrutin secret)" : "")} : pour {scrutin.Pour}, contre {scrutin.Contre}, abstentions {scrutin.Abstention}, ne prennent pas part {scrutin.NePrendPasPart}. " +
                $"La délibération est {Libelles.Resultat(acte.Resultat)}.");
        }
        else if (acte.Resultat is not null)
        {
            pdf.Paragraph($"La délibération est {Libelles.Resultat(acte.Resultat)}.");
        }
        if (p.DateSignature is not null || listes.President is not null)
        {
            pdf.Paragraph((listes.President, p.DateSignature) switch
            {
                ({ } president, { } date) => $"Signé par {president}, le {date:d MMMM yyyy}.",
                ({ } president, null) => $"Signé par {president}.",
                (null, { } date) => $"Signé le {date:d MMMM yyyy}.",
                _ => "",
            });
        }
        if (acte.ActesId is not null && p.DateTransmission is not null)
        {
            pdf.Titre2("Accusé de réception en préfecture");
            pdf.Paragraph(acte.ActesId);
            pdf.Paragraph($"Date de télétransmission : {p.DateTransmission:dd/MM/yyyy}");
            if (p.DateAccuse is not null)
            {
                pdf.Paragraph($"Date de réception préfecture : {p.DateAccuse:dd/MM/yyyy}");
            }
        }
        foreach (var r in relations)
        {
            pdf.Paragraph($"{r.Libelle} {r.NumeroActe ?? "sans numéro"} du {r.Date:dd/MM/yyyy}.");
        }
        if (rectifications.Count > 0)
        {
            pdf.Titre2("Rectifications d'erreur matérielle");
            foreach (var r in rectifications)
            {
                var champ = ChampsRectifiables.Find(r.Champ)?.Libelle ?? r.Champ;
                pdf.Paragraph($"{champ} rectifié le {Paris.Display(r.Quand)} par {r.Auteur}. Motif : {r.Motif}");
                pdf.Paragraph($"Texte antérieur : {Texts.WithoutMarkup(r.AncienneValeur ?? "(vide)")}");
            }
        }
        return pdf.Save();
    }
}

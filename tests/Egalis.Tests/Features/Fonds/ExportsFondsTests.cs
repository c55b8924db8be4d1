using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Egalis.Tests.Features.Fonds;

/// <summary>The instruction list as CSV and XLSX (the list's filters, the person's scope), and one dossier as a PDF.</summary>
public class ExportsFondsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task The_instruction_list_downloads_with_its_filters_and_scope_and_a_dossier_as_a_pdf()
    {
        var appel = await factory.AppelOuvertAsync("Appel exporté");
        var premier = await factory.DossierEnInstructionAsync(appel, "Ateliers du Panier", "73282932000074", 8_000m);
        await factory.DossierEnInstructionAsync(appel, "Ligue des droits", "44306184100013", 6_000m);

        var ivan = await factory.SignedInAsAsync(Roles.Instructeur);
        // The link as the list renders it, its filters empty (« Tous »): every dossier.
        var lienListe = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await ivan.GetStringAsync("/fonds/instruction"), "href=\"(/fonds/instruction/export\\.csv[^\"]*)\"").Groups[1].Value);
        Assert.Equal("/fonds/instruction/export.csv?appel=&etat=&territoire=&etiquette=&commune=", lienListe);
        Assert.DoesNotContain("Une valeur est obligatoire", await ivan.GetHtmlAsync("/fonds/instruction" + lienListe[lienListe.IndexOf('?')..]));
        var tout = await ivan.GetAsync(lienListe);
        Assert.Equal(HttpStatusCode.OK, tout.StatusCode);
        Assert.Equal(3, System.Text.Encoding.UTF8.GetString(await tout.Content.ReadAsByteArrayAsync()).TrimEnd('\r', '\n').Split("\r\n").Length);
        var csv = await ivan.GetAsync($"/fonds/instruction/export.csv?appel={appel}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lignes = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').TrimEnd('\r', '\n').Split("\r\n");
        Assert.Equal("dossier;intitule;organisation;siret;appel;territoire;etat;depose_le;montant_demande;suivi_par;avis_demandes;avis_rendus", lignes[0]);
        Assert.Equal(3, lignes.Length);
        Assert.Contains(lignes, l => l.StartsWith($"{premier};Projet de Ateliers du Panier;Ateliers du Panier;73282932000074;Appel exporté;Marseille Provence;en instruction;", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @";\d\d/\d\d/\d{4} \d\d:\d\d;8000;;0;0$"));

        var xlsx = await ivan.GetAsync($"/fonds/instruction/export.xlsx?appel={appel}&etat=EnInstruction");
        var feuille = (await MiniExcel.QueryAsync(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, feuille.Count);
        Assert.Contains(feuille, r => (string?)r["organisation"] == "Ligue des droits" && Convert.ToDecimal(r["montant_demande"]) == 6_000m);
        // Another state: nothing.
        var vide = await ivan.GetAsync($"/fonds/instruction/export.csv?appel={appel}&etat=Refuse");
        Assert.Single(System.Text.Encoding.UTF8.GetString(await vide.Content.ReadAsByteArrayAsync()).TrimEnd('\r', '\n').Split("\r\n"));

        // A referent of the Pays d'Aix: these Marseille dossiers are not theirs. An applicant and a visitor: no access.
        var remi = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        Assert.Single(System.Text.Encoding.UTF8.GetString(await remi.GetByteArrayAsync($"/fonds/instruction/export.csv?appel={appel}")).TrimEnd('\r', '\n').Split("\r\n"));
        var porteur = await factory.SignedInAsAsync(Roles.Porteur);
        Assert.NotEqual(HttpStatusCode.OK, (await porteur.GetAsync("/fonds/instruction/export.csv")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.Client().GetAsync("/fonds/instruction/export.csv")).StatusCode);

        // The dossier as a PDF, with what was submitted and its history.
        var reponse = await ivan.GetAsync($"/fonds/instruction/dossier/{premier}?handler=Pdf");
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await reponse.Content.ReadAsByteArrayAsync());
        Assert.Equal("Projet de Ateliers du Panier", pdf.Information.Title);
        var texte = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("SIRET 73282932000074", texte);
        Assert.Contains("Total des charges 10 000,00 €", texte.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Contains("de « brouillon » à « en construction »", texte);
        Assert.Contains("de « en construction » à « en instruction », par Ivan Instructeur", texte);
        // Not for another applicant.
        Assert.Equal(HttpStatusCode.NotFound, (await porteur.GetAsync($"/fonds/dossier/{premier}?handler=Pdf")).StatusCode);
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Deliberations.Pages;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Files;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>The upload component: content checked by signature, size bounded, stored with its record, read by those entitled.</summary>
public class FichiersTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Theory]
    [InlineData(10L * 1024 * 1024, "10 Mo")]
    [InlineData(10L * 1024 * 1024 + 1, "10,1 Mo")]
    [InlineData(11L * 1024 * 1024, "11 Mo")]
    [InlineData(1_500_000L, "1,5 Mo")]
    [InlineData(2048L, "2 Ko")]
    [InlineData(10L, "1 Ko")]
    public void A_size_is_rounded_up_so_that_a_file_just_over_the_limit_never_reads_as_the_limit(long octets, string attendu) =>
        Assert.Equal(attendu, Egalis.Web.Platform.Files.FileStore.FormatSize(octets));

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory]
    [InlineData("%PDF-1.7 ...", "PDF")]
    [InlineData("\u0089PNG\r\n\u001a\n....", "PNG")]
    [InlineData("Bonjour, ceci n'est pas un PDF", null)]
    [InlineData("PK\u0003\u0004pas une archive", null)]
    public void A_file_is_recognised_by_its_content(string contenu, string? attendu) =>
        Assert.Equal(attendu, FileFormat.Recognise(Encoding.Latin1.GetBytes(contenu), FileFormat.Documents)?.Nom);

    private static byte[] Archive(params (string Nom, string Contenu)[] entrees)
    {
        using var memoire = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memoire, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nom, contenu) in entrees)
            {
                using var ecrivain = new StreamWriter(zip.CreateEntry(nom).Open());
                ecrivain.Write(contenu);
            }
        }
        return memoire.ToArray();
    }

    [Fact]
    public void Office_and_open_documents_are_recognised_by_their_parts_and_a_macro_document_is_not()
    {
        Assert.Equal("Word (DOCX)", FileFormat.Recognise(Archive(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), FileFormat.Documents)?.Nom);
        Assert.Null(FileFormat.Recognise(Archive(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"), ("word/vbaProject.bin", "macro")), FileFormat.Documents));
        Assert.Equal("OpenDocument texte (ODT)", FileFormat.Recognise(Archive(("mimetype", "application/vnd.oasis.opendocument.text")), FileFormat.Documents)?.Nom);
        Assert.Null(FileFormat.Recognise(Archive(("mimetype", new string('x', 200))), FileFormat.Documents));
        // A Word document offered where only PDF is accepted is refused.
        Assert.Null(FileFormat.Recognise(Archive(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), [FileFormat.Pdf]));
    }

    [Theory]
    [InlineData("C:\\Scans\\acte signé.pdf", "acte signé.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("", "document.pdf")]
    [InlineData(".pdf", "document.pdf")]
    [InlineData("rapport\u0007 \"final\".PDF", "rapport final.PDF")]
    [InlineData("facture\u202Efdp.exe", "facturefdp.exe.pdf")]
    public void A_files_name_loses_folders_and_control_characters_and_keeps_its_format(string nom, string attendu) =>
        Assert.Equal(attendu, FileStore.CleanName(nom, FileFormat.Pdf));

    private async Task<(int Publie, int Projet)> ActesAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var publie = await db.Set<PointOrdreDuJour>().Where(p => p.NumeroActe == "2019_CT2_587").Select(p => p.Id).SingleAsync();
        var assemblee = await db.Set<Assemblee>().Where(a => a.Code == "CT2").Select(a => a.Id).SingleAsync();
        var projet = await db.Set<PointOrdreDuJour>().Where(p => p.Objet == "Projet de convention avec les centres sociaux").Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (projet is null)
        {
            var seance = new Seance { AssembleeId = assemblee, Date = new DateOnly(2027, 2, 4), PolitiqueCode = PolitiqueQuorum.DroitCommun.Code };
            db.Add(seance);
            await db.SaveChangesAsync();
            var point = new PointOrdreDuJour { SeanceId = seance.Id, Rang = 1, Objet = "Projet de convention avec les centres sociaux", MatiereCode = "8.5" };
            db.Add(point);
            await db.SaveChangesAsync();
            projet = point.Id;
        }
        return (publie, projet.Value);
    }

    private static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, int point, string nom, byte[] contenu) =>
        await (await Formulaire.LireAsync(client, $"/deliberations/point/{point}", "?handler=piece")).EnvoyerAsync(client, fichiers: new() { ["Piece"] = (nom, contenu) });

    [Fact]
    [Soumet(typeof(PointModel), "Piece")]
    public async Task A_pdf_is_added_to_an_act_and_read_as_the_act_is_a_refused_file_says_why()
    {
        var (publie, projet) = await ActesAsync();
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);

        var texte = await (await DeposerAsync(cheffe, publie, "acte.pdf", Encoding.UTF8.GetBytes("Ceci est un texte renommé en .pdf"))).ReadHtmlAsync();
        Assert.Contains("Ce fichier n&#x27;est pas d&#x27;un type accepté (PDF) : son contenu ne correspond à aucun d&#x27;eux, quel que soit son nom.", texte.Replace("'", "&#x27;"));
        Assert.Contains("id=\"Piece-erreur\"", texte);
        var vide = await (await DeposerAsync(cheffe, publie, "vide.pdf", [])).ReadHtmlAsync();
        Assert.Contains("Choisissez un fichier (PDF).", vide);
        var gros = new byte[11 * 1024 * 1024];
        Pdf.CopyTo(gros, 0);
        Assert.Contains("Le fichier fait 11 Mo : 10 Mo au plus.", await (await DeposerAsync(cheffe, publie, "gros.pdf", gros)).ReadHtmlAsync());

        var ajout = await DeposerAsync(cheffe, publie, "C:\\Scans\\acte signé.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        var page = await cheffe.GetHtmlAsync($"/deliberations/point/{publie}");
        Assert.Contains("Pièce « acte signé.pdf » ajoutée à l&#x27;acte.", page.Replace("'", "&#x27;"));
        var id = Regex.Match(page, "<a href=\"/fichiers/([0-9a-f-]{36})\">acte signé.pdf</a>").Groups[1].Value;
        Assert.NotEmpty(id);

        // A decided act's files are public, as it is; the bytes are the ones deposited.
        Assert.Contains($"<a href=\"/fichiers/{id}\">acte signé.pdf</a>", await factory.Client().GetHtmlAsync($"/deliberations/acte/{publie}"));
        var telechargement = await factory.Client().GetAsync($"/fichiers/{id}");
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.Equal("application/pdf", telechargement.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", telechargement.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await telechargement.Content.ReadAsByteArrayAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var fichier = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<StoredFile>().SingleAsync(f => f.Id == Guid.Parse(id));
            Assert.Equal((Pdf.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), "Camille Chef de projet"), (fichier.Taille, fichier.Sha256, fichier.DeposePar));
        }

        // A draft's files are its secretariat's only: the public, and a referent of a commune, get a 404 as for a file that does not exist.
        Assert.Equal(HttpStatusCode.Redirect, (await DeposerAsync(cheffe, projet, "projet.pdf", Pdf)).StatusCode);
        var idProjet = Regex.Match(await cheffe.GetHtmlAsync($"/deliberations/point/{projet}"), "<a href=\"/fichiers/([0-9a-f-]{36})\">projet.pdf</a>").Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync($"/fichiers/{idProjet}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignedInAsAsync(Roles.ReferentCommune)).GetAsync($"/fichiers/{idProjet}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsAsync(Roles.ReferentTerritoire)).GetAsync($"/fichiers/{idProjet}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync($"/fichiers/{Guid.NewGuid()}")).StatusCode);
    }
}

using Egalis.Web.Features.Deliberations.Pages;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Deliberations;

/// <summary>
/// The life of an act, through the forms as the pages render them: a draft stays with the
/// secretariat; once decided it is public; once signed nothing changes it but a recorded rectification
/// or a later act.
/// </summary>
public class ActeTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateOnly Today => Paris.Today(TimeProvider.System);

    /// <summary>A commission of five members, created through the secretariat's forms; returns its id.</summary>
    private async Task<int> CommissionAsync(HttpClient cheffe, string code)
    {
        var creation = await (await Formulaire.LireAsync(cheffe, "/deliberations/gestion", "?handler=commission"))
            .EnvoyerAsync(cheffe, new() { ["Commission.Code"] = code, ["Commission.Nom"] = $"Commission {code}" });
        Assert.Equal(HttpStatusCode.Redirect, creation.StatusCode);
        var url = creation.Headers.Location!.OriginalString;
        foreach (var nom in new[] { "ALPHA Anne", "BETA Bruno", "GAMMA Chloé", "DELTA David", "EPSILON Eva" })
        {
            var ajout = await (await Formulaire.LireAsync(cheffe, url)).EnvoyerAsync(cheffe, new() { ["Input.Nom"] = nom, ["Input.Debut"] = "2020-07-15" });
            Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        }
        return int.Parse(url.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> SeanceAsync(HttpClient cheffe, int assemblee, DateOnly date)
    {
        var reponse = await (await Formulaire.LireAsync(cheffe, "/deliberations/gestion")).EnvoyerAsync(cheffe, new()
        {
            ["Input.AssembleeId"] = assemblee.ToString(CultureInfo.InvariantCulture), ["Input.Date"] = Iso(date), ["Input.Lieu"] = "à l'Hôtel de la Métropole, Marseille",
        });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return reponse.Headers.Location!.OriginalString;
    }

    private static async Task<string> PointAsync(HttpClient cheffe, string urlSeance, string objet, string numero, string genre = "Vote")
    {
        var reponse = await (await Formulaire.LireAsync(cheffe, urlSeance, "?handler=point")).EnvoyerAsync(cheffe, new()
        {
            ["Point.Objet"] = objet, ["Point.NumeroActe"] = numero, ["Point.Genre"] = genre, ["Point.MatiereCode"] = "7.5",
            ["Point.Articles"] = "Sont attribuées les subventions.\nLes crédits sont inscrits au budget.",
        });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var id = Regex.Match(await cheffe.GetHtmlAsync(urlSeance), "/deliberations/point/(\\d+)\">" + Regex.Escape(objet)).Groups[1].Value;
        return $"/deliberations/point/{id}";
    }

    /// <summary>Four present, one absent, submitted from the attendance form as rendered (everyone present by default).</summary>
    private static async Task PresencesAsync(HttpClient cheffe, string urlPoint)
    {
        var form = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=presences");
        Assert.Equal("Present", form.Valeur("Presences[4].Statut"));
        var reponse = await form.EnvoyerAsync(cheffe, new() { ["Presences[4].Statut"] = "Absent" });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
    }

    private async Task<PointOrdreDuJour> LireAsync(string urlPoint)
    {
        using var scope = factory.Services.CreateScope();
        var id = int.Parse(urlPoint.Split('/').Last(), CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<PointOrdreDuJour>().AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task A_draft_is_seen_only_by_the_secretariat_until_the_assembly_decides()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await CommissionAsync(cheffe, "COM-PROJET");
        var futur = Today.AddDays(20);
        var urlSeance = await SeanceAsync(cheffe, commission, futur);
        var urlPoint = await PointAsync(cheffe, urlSeance, "Projet de charte des achats responsables", "2099_COM_001", "PriseActe");
        var id = urlPoint.Split('/').Last();

        var anonyme = factory.Client();
        Assert.DoesNotContain("charte des achats", await anonyme.GetHtmlAsync("/deliberations"));
        Assert.DoesNotContain("charte des achats", await anonyme.GetStringAsync("/api/v1/deliberations"));
        Assert.DoesNotContain("charte des achats", await anonyme.GetStringAsync("/api/v1/opendata/deliberations.csv"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync($"/deliberations/acte/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync($"/deliberations/acte/{id}?handler=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonyme.GetAsync($"/api/v1/deliberations/013-200054807-{futur:yyyyMMdd}-2099_COM_001-DE")).StatusCode);

        var page = await cheffe.GetHtmlAsync(urlPoint);
        Assert.Contains("Projet : ce point n'est pas public.", page);
        Assert.Contains($"La séance du {futur:dd/MM/yyyy} n'a pas encore eu lieu : les présences s'enregistreront à partir de ce jour.", page);

        // Even posted by hand, attendance and the taking note are refused before the session's day.
        var jeton = EgalisFactory.AntiforgeryToken(await cheffe.GetStringAsync(urlPoint));
        var force = await cheffe.PostAsync(urlPoint + "?handler=PriseActe", new FormUrlEncodedContent([new("__RequestVerificationToken", jeton)]));
        Assert.Contains($"La séance du {futur:dd/MM/yyyy} n'a pas encore eu lieu : la prise d'acte s'enregistre à partir du jour de la séance.", await force.ReadHtmlAsync());
        Assert.False((await LireAsync(urlPoint)).Delibere);
    }

    [Fact]
    [Soumet(typeof(PointModel), "Vote")]
    [Soumet(typeof(PointModel), "Signer")]
    [Soumet(typeof(PointModel), "Transmission")]
    [Soumet(typeof(PointModel), "Rectification")]
    public async Task A_decided_act_is_public_and_once_signed_nothing_changes_it_but_a_rectification()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await CommissionAsync(cheffe, "COM-SIGNE");
        var urlSeance = await SeanceAsync(cheffe, commission, new DateOnly(2026, 3, 10));
        var urlPoint = await PointAsync(cheffe, urlSeance, "Soutien aux associations de quartier", "2026_COM_007");
        var id = urlPoint.Split('/').Last();
        await PresencesAsync(cheffe, urlPoint);

        // Before the vote, the act is still a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync($"/deliberations/acte/{id}")).StatusCode);
        var vote = await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=vote")).EnvoyerAsync(cheffe, new()
        {
            ["Vote.Pour"] = "3", ["Vote.Contre"] = "1", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        Assert.Contains("Vote enregistré : délibération adoptée. Elle est maintenant publiée au registre.", await cheffe.GetHtmlAsync(urlPoint));
        Assert.Contains("Soutien aux associations de quartier", await factory.Client().GetHtmlAsync("/deliberations"));
        // The member marked absent is listed as absent, not as excused.
        var publieApresVote = await factory.Client().GetHtmlAsync($"/deliberations/acte/{id}");
        Assert.Contains("<h3>Excusés sans pouvoir (0)</h3>", publieApresVote);
        Assert.Matches("<h3>Absents \\(1\\)</h3>\\s*<p>GAMMA Chloé</p>", publieApresVote);

        // Signature: not after today, not before the session.
        var signature = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=signer");
        var tot = await signature.EnvoyerAsync(cheffe, new() { ["Signature.Date"] = "2026-03-09" });
        Assert.Contains($"La signature se date entre le jour de la séance (10/03/2026) et aujourd'hui ({Today:dd/MM/yyyy}).", await tot.ReadHtmlAsync());
        var demain = await signature.EnvoyerAsync(cheffe, new() { ["Signature.Date"] = Iso(Today.AddDays(1)) });
        Assert.Contains("La signature se date entre le jour de la séance (10/03/2026)", await demain.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await signature.EnvoyerAsync(cheffe, new() { ["Signature.Date"] = "2026-03-11" })).StatusCode);

        // Transmission and acknowledgment: each date after the one before, none after today.
        var transmission = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=transmission");
        var avantSignature = await transmission.EnvoyerAsync(cheffe, new() { ["Transmission.Statut"] = "Transmis", ["Transmission.Date"] = "2026-03-10" });
        Assert.Contains("La transmission ne peut pas précéder la signature du 11/03/2026.", await avantSignature.ReadHtmlAsync());
        var futur = await transmission.EnvoyerAsync(cheffe, new() { ["Transmission.Statut"] = "Transmis", ["Transmission.Date"] = Iso(Today.AddDays(3)) });
        Assert.Contains($"La date ne peut pas être postérieure à aujourd'hui ({Today:dd/MM/yyyy}).", await futur.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await transmission.EnvoyerAsync(cheffe, new() { ["Transmission.Statut"] = "Transmis", ["Transmission.Date"] = "2026-03-12" })).StatusCode);
        var accuse = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=transmission");
        Assert.Equal(HttpStatusCode.Redirect, (await accuse.EnvoyerAsync(cheffe, new() { ["Transmission.Statut"] = "Acquitte", ["Transmission.Date"] = "2026-03-13" })).StatusCode);

        // The acknowledged act: its page offers no attendance, vote or edit form any more…
        var page = await cheffe.GetStringAsync(urlPoint);
        Assert.DoesNotContain("handler=vote", page);
        Assert.DoesNotContain("handler=presences", page);
        Assert.DoesNotContain("handler=modifier", page);
        Assert.DoesNotContain("handler=supprimer", page);
        // …and every change posted anyway is refused, whatever is posted.
        var jeton = EgalisFactory.AntiforgeryToken(page);
        async Task<string> Forcer(string handler, params (string, string)[] champs) =>
            await (await cheffe.PostAsync($"{urlPoint}?handler={handler}", new FormUrlEncodedContent(champs.Select(c => new KeyValuePair<string, string>(c.Item1, c.Item2))
                .Append(new("__RequestVerificationToken", jeton))))).ReadHtmlAsync();
        Assert.Contains("Cet acte est signé : le vote ne se modifie plus.", await Forcer("Vote", ("Vote.Pour", "2"), ("Vote.Contre", "3"), ("Vote.Abstention", "0"), ("Vote.NePrendPasPart", "0")));
        Assert.Contains("Cet acte est signé : la liste des présences ne se modifie plus.", await Forcer("Presences", ("Presences[0].MandatId", "1"), ("Presences[0].Statut", "Absent")));
        Assert.Contains("Cet acte est signé : son texte et son numéro ne se modifient plus.", await Forcer("Modifier", ("Point.Rang", "1"), ("Point.Objet", "Autre objet"), ("Point.MatiereCode", "7.5"), ("Point.NatureCode", "DE"), ("Point.Genre", "Vote")));
        Assert.Contains("L'assemblée s'est prononcée sur ce point : il reste au registre.", await Forcer("Supprimer", ("Confirmation", "true")));
        var acte = await LireAsync(urlPoint);
        Assert.Equal((3, 1, "Soutien aux associations de quartier", "2026_COM_007"), (acte.Pour!.Value, acte.Contre!.Value, acte.Objet, acte.NumeroActe));
        Assert.Contains("(pour 3, contre 1, abstentions 0, ne prennent pas part 0)", await factory.Client().GetHtmlAsync($"/deliberations/acte/{id}"));

        // The session it was held at no longer changes either.
        Assert.Contains("L'assemblée a délibéré lors de cette séance : sa date, son lieu et son régime de quorum ne se modifient plus", await cheffe.GetHtmlAsync(urlSeance));

        // A rectification of a material error: recorded with its reason and the previous wording, shown on the act and in its extract.
        var rectification = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=rectification");
        var sansMotif = await rectification.EnvoyerAsync(cheffe, new() { ["Rectification.Champ"] = "Objet", ["Rectification.Valeur"] = "Soutien aux associations des quartiers" });
        Assert.Contains("Indiquez l'erreur matérielle corrigée.", await sansMotif.ReadHtmlAsync());
        var rectifiee = await rectification.EnvoyerAsync(cheffe, new()
        {
            ["Rectification.Champ"] = "Objet", ["Rectification.Valeur"] = "Soutien aux associations des quartiers", ["Rectification.Motif"] = "Faute de frappe dans l'objet",
        });
        Assert.Equal(HttpStatusCode.Redirect, rectifiee.StatusCode);
        var publie = await factory.Client().GetHtmlAsync($"/deliberations/acte/{id}");
        Assert.Contains("<h1>Soutien aux associations des quartiers</h1>", publie);
        Assert.Contains("Motif : Faute de frappe dans l'objet", publie);
        Assert.Contains("<p>Soutien aux associations de quartier</p>", publie);
        Assert.Contains("rectifié le", publie);
        Assert.Contains("par Camille Chef de projet", publie);
        using var scope = factory.Services.CreateScope();
        var rectif = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Rectification>().SingleAsync(r => r.PointId == acte.Id);
        Assert.Equal(("Soutien aux associations de quartier", "Soutien aux associations des quartiers"), (rectif.AncienneValeur, rectif.NouvelleValeur));

        // The audit log tells each step in the secretariat's words, with a link to the item.
        var journal = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().AuditEntries.Where(e => e.Module == "Délibérations" && e.Lien == urlPoint)
            .OrderBy(e => e.Id).Select(e => e.Resume).ToListAsync();
        const string Point = "le point 1 (acte 2026_COM_007) « Soutien aux associations de quartier » de la séance du 10/03/2026 (Commission COM-SIGNE)";
        Assert.Contains($"Présences enregistrées sur {Point} : 4 présents, 0 représenté, 0 excusé, 1 absent.", journal);
        Assert.Contains($"Vote enregistré sur {Point} : 3 pour, 1 contre, 0 abstention, 0 ne prend pas part au vote : délibération adoptée.", journal);
        Assert.Contains($"Acte signé le 11/03/2026 : {Point}.", journal);
        Assert.Contains($"Transmission à la préfecture du {Point[3..]} : transmis → acquitté le 13/03/2026.", journal);
        Assert.Contains($"Rectification d'erreur matérielle du point 1 (acte 2026_COM_007) « Soutien aux associations des quartiers » de la séance du 10/03/2026 (Commission COM-SIGNE) (objet) : « Soutien aux associations de quartier » → « Soutien aux associations des quartiers ». Motif : Faute de frappe dans l'objet", journal);
    }

    [Fact]
    [Soumet(typeof(PointModel), "LienActe")]
    public async Task A_later_act_withdraws_a_signed_one_and_both_say_so_once_it_is_decided()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await CommissionAsync(cheffe, "COM-RETRAIT");
        var urlPremier = await PointAsync(cheffe, await SeanceAsync(cheffe, commission, new DateOnly(2026, 2, 2)), "Convention avec l'association A", "2026_COM_020");
        await PresencesAsync(cheffe, urlPremier);
        await (await Formulaire.LireAsync(cheffe, urlPremier, "?handler=vote")).EnvoyerAsync(cheffe, new() { ["Vote.Pour"] = "4", ["Vote.Contre"] = "0", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0" });
        await (await Formulaire.LireAsync(cheffe, urlPremier, "?handler=signer")).EnvoyerAsync(cheffe, new() { ["Signature.Date"] = "2026-02-03" });

        var urlSecond = await PointAsync(cheffe, await SeanceAsync(cheffe, commission, new DateOnly(2026, 4, 6)), "Retrait de la convention avec l'association A", "2026_COM_031");
        var lien = await Formulaire.LireAsync(cheffe, urlSecond, "?handler=lienacte");
        var inconnu = await lien.EnvoyerAsync(cheffe, new() { ["LienActe.Type"] = LiensDeliberation.RetraitActe, ["LienActe.ActeVise"] = "2026_COM_999" });
        Assert.Contains("Indiquez le numéro d'un acte antérieur de la même assemblée, déjà délibéré, par exemple 2019_CT2_587.", await inconnu.ReadHtmlAsync());
        // An act of another assembly is not even confirmed to exist.
        var ailleurs = await lien.EnvoyerAsync(cheffe, new() { ["LienActe.Type"] = LiensDeliberation.RetraitActe, ["LienActe.ActeVise"] = "2019_CT2_587" });
        Assert.Contains("Indiquez le numéro d'un acte antérieur de la même assemblée, déjà délibéré", await ailleurs.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await lien.EnvoyerAsync(cheffe, new() { ["LienActe.Type"] = LiensDeliberation.RetraitActe, ["LienActe.ActeVise"] = "2026_com_020" })).StatusCode);

        var idPremier = urlPremier.Split('/').Last();
        // The withdrawing act is still a draft: the public act says nothing of it yet.
        Assert.DoesNotContain("Retiré par l'acte", await factory.Client().GetHtmlAsync($"/deliberations/acte/{idPremier}"));
        await PresencesAsync(cheffe, urlSecond);
        await (await Formulaire.LireAsync(cheffe, urlSecond, "?handler=vote")).EnvoyerAsync(cheffe, new() { ["Vote.Pour"] = "4", ["Vote.Contre"] = "0", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0" });
        var idSecond = urlSecond.Split('/').Last();
        Assert.Contains($"Retiré par l'acte <a href=\"/deliberations/acte/{idSecond}\">2026_COM_031</a> du 06/04/2026.", await factory.Client().GetHtmlAsync($"/deliberations/acte/{idPremier}"));
        Assert.Contains($"Retire l'acte <a href=\"/deliberations/acte/{idPremier}\">2026_COM_020</a> du 02/02/2026.", await factory.Client().GetHtmlAsync($"/deliberations/acte/{idSecond}"));
    }

    [Fact]
    [Soumet(typeof(SeanceModel), "Modifier")]
    [Soumet(typeof(SeanceModel), "Supprimer")]
    [Soumet(typeof(PointModel), "Modifier")]
    [Soumet(typeof(PointModel), "Supprimer")]
    public async Task Items_and_sessions_are_corrected_or_deleted_until_the_assembly_decides()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await CommissionAsync(cheffe, "COM-CORRIGE");
        var futur = Today.AddDays(40);
        var urlSeance = await SeanceAsync(cheffe, commission, futur);

        var correction = await Formulaire.LireAsync(cheffe, urlSeance, "?handler=modifier");
        var absurde = await correction.EnvoyerAsync(cheffe, new() { ["Modification.Date"] = "9999-12-31" });
        Assert.Contains($"La date de la séance doit être comprise entre le 01/01/2000 et le {Today.AddYears(2):dd/MM/yyyy}.", await absurde.ReadHtmlAsync());
        var convocation = await correction.EnvoyerAsync(cheffe, new() { ["Modification.DateConvocation"] = Iso(futur.AddDays(1)) });
        Assert.Contains("La convocation doit précéder la séance.", await convocation.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await correction.EnvoyerAsync(cheffe, new() { ["Modification.Date"] = Iso(futur.AddDays(1)), ["Modification.Lieu"] = "à Vitrolles" })).StatusCode);
        Assert.Contains($"séance du {futur.AddDays(1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))}", await cheffe.GetHtmlAsync(urlSeance));

        var urlPoint = await PointAsync(cheffe, urlSeance, "Point saisi avec une faute", "2099_COM_050");
        var edition = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=modifier");
        var vide = await edition.EnvoyerAsync(cheffe, new() { ["Point.Objet"] = "", ["Point.Theme"] = "Cohésion sociale" });
        var html = await vide.ReadHtmlAsync();
        Assert.Contains("Indiquez l'objet.", html);
        Assert.Contains("value=\"Cohésion sociale\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await edition.EnvoyerAsync(cheffe, new() { ["Point.Objet"] = "Point saisi sans faute" })).StatusCode);
        Assert.Equal("Point saisi sans faute", (await LireAsync(urlPoint)).Objet);
        // The same form sent again, from the page as it was before: someone else changed the item meanwhile.
        var perime = await edition.EnvoyerAsync(cheffe, new() { ["Point.Objet"] = "Version périmée" });
        Assert.Contains("Quelqu'un vient de modifier ce point en même temps que vous", await perime.ReadHtmlAsync());
        Assert.Equal("Point saisi sans faute", (await LireAsync(urlPoint)).Objet);

        var formSuppression = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=supprimer");
        var sansConfirmation = await formSuppression.EnvoyerAsync(cheffe);
        Assert.Contains("Cochez la case pour confirmer la suppression : elle ne se défait pas.", await sansConfirmation.ReadHtmlAsync());
        Assert.Equal("Point saisi sans faute", (await LireAsync(urlPoint)).Objet);
        var suppression = await formSuppression.EnvoyerAsync(cheffe, new() { ["Confirmation"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, suppression.StatusCode);
        Assert.Contains("Le point 1 « Point saisi sans faute » est retiré de l'ordre du jour.", await cheffe.GetHtmlAsync(urlSeance));
        var seanceSupprimee = await (await Formulaire.LireAsync(cheffe, urlSeance, "?handler=supprimer")).EnvoyerAsync(cheffe, new() { ["Confirmation"] = "true" });
        Assert.Equal("/deliberations/gestion", seanceSupprimee.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await cheffe.GetAsync(urlSeance)).StatusCode);
    }

    [Fact]
    [Soumet(typeof(PointModel), "Presences")]
    public async Task A_proxy_given_for_a_member_left_present_is_never_dropped()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await CommissionAsync(cheffe, "COM-POUVOIR");
        var urlPoint = await PointAsync(cheffe, await SeanceAsync(cheffe, commission, new DateOnly(2026, 5, 4)), "Pouvoirs", "2026_COM_060");
        // Without JavaScript, a member marked represented gets the list of holders after a first submission.
        var premier = await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=presences")).EnvoyerAsync(cheffe, new() { ["Presences[0].Statut"] = "Represente" });
        var html = await premier.Content.ReadAsStringAsync();
        Assert.Contains("Indiquez qui porte le pouvoir d'ALPHA Anne, marqué « représenté ».", System.Net.WebUtility.HtmlDecode(html));
        var form = Formulaire.Depuis(html, urlPoint, "?handler=presences");
        var mandats = await MandatsAsync(commission);
        // A holder chosen, then the member set back to present: the form says why, nothing is saved.
        var incoherent = await form.EnvoyerAsync(cheffe, new() { ["Presences[0].Statut"] = "Present", ["Presences[0].MandataireId"] = mandats["BETA Bruno"] });
        Assert.Contains("Pour ALPHA Anne, la présence choisie est « présent » mais un pouvoir est indiqué", await incoherent.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(cheffe, new() { ["Presences[0].MandataireId"] = mandats["BETA Bruno"] })).StatusCode);
        Assert.Contains("1 représenté", await cheffe.GetHtmlAsync(urlPoint));
    }

    private async Task<Dictionary<string, string>> MandatsAsync(int assemblee)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Mandat>().Include(m => m.Elu).Where(m => m.AssembleeId == assemblee)
            .ToDictionaryAsync(m => m.Elu!.Nom, m => m.Id.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_attendance_page_of_a_90_member_council_stays_small_and_offers_no_list_per_row()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        int ct2;
        using (var scope = factory.Services.CreateScope())
        {
            ct2 = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Assemblee>().Where(a => a.Code == "CT2").Select(a => a.Id).SingleAsync();
        }
        // The founding members' terms run to 09/07/2020: a session of February 2020 has the 90 of them.
        var urlPoint = await PointAsync(cheffe, await SeanceAsync(cheffe, ct2, new DateOnly(2020, 2, 10)), "Point d'une séance de 90 membres", "2020_CT2_010");
        var page = await cheffe.GetStringAsync(urlPoint);
        Assert.Equal(90, Regex.Matches(page, "name=\"Presences\\[\\d+\\]\\.Statut\"").Count);
        Assert.True(page.Length < 100_000, $"{page.Length} octets");
        // Four statuses per member, one shared list of holders, the rapporteur's list and the link lists: far from 90 lists of 90.
        Assert.True(Regex.Matches(page, "<option").Count < 800, $"{Regex.Matches(page, "<option").Count} options");
    }

    /// <summary>Once decided, corrected attendance must keep the recorded vote and quorum true; a term cannot change who sat at a decided session.</summary>
    [Fact]
    public async Task A_decided_act_keeps_its_vote_quorum_and_members_true()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await CommissionAsync(cheffe, "COM-VRAI");
        var urlPoint = await PointAsync(cheffe, await SeanceAsync(cheffe, commission, new DateOnly(2026, 4, 20)), "Acte dont la décision reste vraie", "2026_COM_090");
        await PresencesAsync(cheffe, urlPoint);
        await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=vote")).EnvoyerAsync(cheffe, new() { ["Vote.Pour"] = "3", ["Vote.Contre"] = "1", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0" });

        // Two members fewer present: the four votes recorded no longer fit, nor does the quorum of five members.
        var form = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=presences");
        var moins = await form.EnvoyerAsync(cheffe, new() { ["Presences[0].Statut"] = "Absent", ["Presences[1].Statut"] = "Absent" });
        Assert.Contains("L'assemblée s'est déjà prononcée sur ce point ; avec ces présences, quorum non atteint : 2 membres présents pour 3 requis (5 en exercice).", await moins.ReadHtmlAsync());
        var unDeMoins = await form.EnvoyerAsync(cheffe, new() { ["Presences[0].Statut"] = "Absent" });
        var htmlUnDeMoins = await unDeMoins.ReadHtmlAsync();
        Assert.Contains("L'assemblée s'est déjà prononcée sur ce point : il y a plus de voix (4) que de membres présents ou représentés (3). Corrigez d'abord le vote.", htmlUnDeMoins);
        // The refused form keeps what was typed; the page's other forms show what is recorded (the vote, 3 for and 1 against).
        Assert.Contains("id=\"Vote_Pour\" name=\"Vote.Pour\" value=\"3\"", htmlUnDeMoins);
        Assert.Contains("id=\"Vote_Contre\" name=\"Vote.Contre\" value=\"1\"", htmlUnDeMoins);
        // A partial list posted by hand would erase the others: refused.
        var partielle = await EgalisFactory.PostBrutAsync(cheffe, urlPoint + "?handler=Presences", new() { ["Presences[0].MandatId"] = form.Valeur("Presences[0].MandatId")!, ["Presences[0].Statut"] = "Present" }, urlPoint);
        Assert.Contains("La liste des présences ne correspond pas aux membres en exercice : rechargez la page.", await partielle.ReadHtmlAsync());

        // A new member whose term would cover the decided session, and a term moved over it: refused.
        var urlAssemblee = $"/deliberations/assemblee/{commission}";
        var nouveau = await (await Formulaire.LireAsync(cheffe, urlAssemblee)).EnvoyerAsync(cheffe, new() { ["Input.Nom"] = "TARDIF Théo", ["Input.Debut"] = "2026-01-01" });
        Assert.Contains("Ce mandat changerait les membres en exercice à la séance du 20/04/2026, où l'assemblée a déjà délibéré", await nouveau.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, urlAssemblee)).EnvoyerAsync(cheffe, new() { ["Input.Nom"] = "TARDIF Théo", ["Input.Debut"] = "2026-04-21" })).StatusCode);
        Assert.Contains("5 en exercice", await factory.Client().GetHtmlAsync($"/deliberations/acte/{urlPoint.Split('/').Last()}"));
    }
}

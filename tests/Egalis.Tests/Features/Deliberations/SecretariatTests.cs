using Egalis.Web.Features.Deliberations.Pages;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Deliberations;

public class SecretariatTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<int> AssembleeAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Assemblee>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    private async Task<Dictionary<string, int>> MandatsAsync(int assemblee)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Mandat>().Include(m => m.Elu).Where(m => m.AssembleeId == assemblee)
            .ToDictionaryAsync(m => m.Elu!.Nom, m => m.Id);
    }

    /// <summary>
    /// Fills the attendance form as rendered: each member's row found by its member id, as a person picks
    /// the row with the name. A holder is chosen in the list the row shows for a represented member (inserted
    /// by the page's script when the member was not represented before); a row no longer represented loses it.
    /// </summary>
    private static async Task<HttpResponseMessage> PresencesAsync(HttpClient client, string urlPoint, Dictionary<string, int> mandats, params (string Nom, string Statut, string? Mandataire)[] lignes)
    {
        var form = await Formulaire.LireAsync(client, urlPoint, "?handler=presences");
        var champs = new Dictionary<string, string?>();
        foreach (var (nom, statut, mandataire) in lignes)
        {
            var i = Enumerable.Range(0, lignes.Length).Single(k => form.Valeur($"Presences[{k}].MandatId") == mandats[nom].ToString(System.Globalization.CultureInfo.InvariantCulture));
            champs[$"Presences[{i}].Statut"] = statut;
            var rendue = form.Valeur($"Presences[{i}].MandataireId") is not null;
            if (mandataire is not null)
            {
                champs[(rendue ? "" : "!") + $"Presences[{i}].MandataireId"] = mandats[mandataire].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (rendue)
            {
                champs[$"Presences[{i}].MandataireId"] = "";
            }
        }
        return await form.EnvoyerAsync(client, champs);
    }

    [Fact]
    public async Task A_session_is_prepared_held_and_its_act_transmitted_and_published()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var ct3 = await AssembleeAsync("CT3");
        foreach (var nom in new[] { "ALPHA Anne", "BETA Bruno", "GAMMA Chloé", "DELTA David", "EPSILON Eva" })
        {
            var ajout = await EgalisFactory.PostFormAsync(cheffe, $"/deliberations/assemblee/{ct3}", new() { ["Input.Nom"] = nom, ["Input.Debut"] = "2020-07-15" });
            Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        }
        var doublon = await EgalisFactory.PostFormAsync(cheffe, $"/deliberations/assemblee/{ct3}", new() { ["Input.Nom"] = "ALPHA  Anne", ["Input.Debut"] = "2021-01-01" });
        Assert.Contains("ALPHA Anne a déjà un mandat dans cette assemblée", await doublon.ReadHtmlAsync());
        var m = await MandatsAsync(ct3);

        var seance = await EgalisFactory.PostFormAsync(cheffe, "/deliberations/gestion", new()
        {
            ["Input.AssembleeId"] = ct3.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Date"] = "2026-03-10", ["Input.Lieu"] = "Salon-de-Provence",
            ["Input.DateConvocation"] = "2026-03-03", ["Input.PolitiqueCode"] = "CGCT",
        });
        Assert.Equal(HttpStatusCode.Redirect, seance.StatusCode);
        var urlSeance = seance.Headers.Location!.OriginalString;

        var point = await EgalisFactory.PostFormAsync(cheffe, urlSeance + "?handler=Point", new()
        {
            ["Point.Rang"] = "1", ["Point.Objet"] = "Attribution des subventions du fonds d'initiative 2026", ["Point.Genre"] = "Vote", ["Point.MatiereCode"] = "7.5",
            ["Point.NatureCode"] = "DE", ["Point.NumeroActe"] = "2026_ct3_001", ["Point.Articles"] = "Sont attribuées les subventions suivantes.\nLes crédits sont inscrits au budget.",
            ["Point.RapporteurMandatId"] = m["BETA Bruno"].ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: urlSeance);
        Assert.Equal(HttpStatusCode.Redirect, point.StatusCode);
        var doublonActe = await EgalisFactory.PostFormAsync(cheffe, urlSeance + "?handler=Point", new()
        {
            ["Point.Rang"] = "2", ["Point.Objet"] = "Autre", ["Point.Genre"] = "Vote", ["Point.MatiereCode"] = "7.5", ["Point.NatureCode"] = "DE", ["Point.NumeroActe"] = "2026_CT3_001",
        }, formPage: urlSeance);
        Assert.Contains("Le numéro d'acte 2026_CT3_001 est déjà attribué", await doublonActe.ReadHtmlAsync());
        var idPoint = Regex.Match(await cheffe.GetHtmlAsync(urlSeance), "/deliberations/point/(\\d+)\">Attribution des subventions").Groups[1].Value;
        var urlPoint = $"/deliberations/point/{idPoint}";

        // A proxy to an excused member is refused next to the member concerned; nothing is saved.
        var faux = await PresencesAsync(cheffe, urlPoint, m, ("ALPHA Anne", "Present", null), ("BETA Bruno", "Represente", "GAMMA Chloé"), ("GAMMA Chloé", "Excuse", null), ("DELTA David", "Present", null), ("EPSILON Eva", "Absent", null));
        Assert.Contains("Le pouvoir de BETA Bruno ne peut être porté que par un membre présent : GAMMA Chloé n'est pas marqué « présent ».", await faux.ReadHtmlAsync());

        // Two present out of five: no quorum, so no vote.
        await PresencesAsync(cheffe, urlPoint, m, ("ALPHA Anne", "Present", null), ("BETA Bruno", "Present", null), ("GAMMA Chloé", "Represente", "ALPHA Anne"), ("DELTA David", "Excuse", null), ("EPSILON Eva", "Absent", null));
        var sansQuorum = await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Vote", new() { ["Vote.Pour"] = "2", ["Vote.Contre"] = "0", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0" }, formPage: urlPoint);
        Assert.Contains("Quorum non atteint : 2 membres présents pour 3 requis (5 en exercice).", await sansQuorum.ReadHtmlAsync());

        var quorum = await PresencesAsync(cheffe, urlPoint, m, ("ALPHA Anne", "Present", null), ("BETA Bruno", "Present", null), ("GAMMA Chloé", "Represente", "ALPHA Anne"), ("DELTA David", "Present", null), ("EPSILON Eva", "Absent", null));
        Assert.Equal(HttpStatusCode.Redirect, quorum.StatusCode);
        var egalite = await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Vote", new() { ["Vote.Pour"] = "2", ["Vote.Contre"] = "2", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0" }, formPage: urlPoint);
        var htmlEgalite = await egalite.ReadHtmlAsync();
        Assert.Contains("Égalité des voix : indiquez le vote du président", htmlEgalite);
        var trop = await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Vote", new() { ["Vote.Pour"] = "4", ["Vote.Contre"] = "1", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0" }, formPage: urlPoint);
        Assert.Contains("plus de voix (5) que de membres présents ou représentés (4)", await trop.ReadHtmlAsync());
        var vote = await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Vote", new() { ["Vote.Pour"] = "2", ["Vote.Contre"] = "2", ["Vote.Abstention"] = "0", ["Vote.NePrendPasPart"] = "0", ["Vote.VoixPresident"] = "pour" }, formPage: urlPoint);
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Signer", new() { ["Signature.Date"] = "2026-03-11" }, formPage: urlPoint)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Transmission", new() { ["Transmission.Statut"] = "Transmis", ["Transmission.Date"] = "2026-03-12" }, formPage: urlPoint)).StatusCode);
        var tot = await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Transmission", new() { ["Transmission.Statut"] = "Acquitte", ["Transmission.Date"] = "2026-03-11" }, formPage: urlPoint);
        Assert.Contains("L'accusé de réception ne peut pas précéder la transmission du 12/03/2026.", await tot.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, urlPoint + "?handler=Transmission", new() { ["Transmission.Statut"] = "Acquitte", ["Transmission.Date"] = "2026-03-13" }, formPage: urlPoint)).StatusCode);
        // Each step of the transmission is kept on the act's page: when, from, to, who.
        var historique = await cheffe.GetHtmlAsync(urlPoint);
        Assert.Contains("Historique de la transmission", historique);
        Assert.Contains("12/03/2026 : « à transmettre » → « transmis », enregistré par Camille Chef de projet le", historique);
        Assert.Contains("13/03/2026 : « transmis » → « acquitté », enregistré par Camille Chef de projet le", historique);
        Assert.DoesNotContain("11/03/2026 : « transmis »", historique);

        var acte = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/deliberations/013-200054807-20260310-2026_CT3_001-DE")).RootElement;
        Assert.Equal("adoptee", acte.GetProperty("resultat").GetString());
        Assert.Equal((5, 3, 1, 1), (acte.GetProperty("membresEnExercice").GetInt32(), acte.GetProperty("presents").GetInt32(), acte.GetProperty("representes").GetInt32(), acte.GetProperty("absents").GetInt32()));
        Assert.True(acte.GetProperty("quorumAtteint").GetBoolean());
        Assert.Equal(2, acte.GetProperty("votes").GetProperty("contre").GetInt32());
        Assert.Equal("acquitte", acte.GetProperty("transmission").GetProperty("statut").GetString());

        var csv = await factory.Client().GetStringAsync("/api/v1/opendata/deliberations.csv");
        Assert.Contains("2026_CT3_001,2026-03-10,7.5,Finances locales/Subventions,Attribution des subventions du fonds d'initiative 2026,,,PREF013,2026-03-13,4,4,2,2,0,", csv.Replace("\"", ""));
        var publie = await factory.Client().GetHtmlAsync($"/deliberations/acte/{idPoint}");
        Assert.Contains("GAMMA Chloé donne pouvoir à ALPHA Anne", publie);
        Assert.Contains("Rapporteur : BETA Bruno", publie);
    }

    [Fact]
    public async Task A_territorys_referent_runs_only_its_own_council()
    {
        var referent = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        var ct2 = await AssembleeAsync("CT2");
        var cm = await AssembleeAsync("CM");
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync($"/deliberations/assemblee/{ct2}")).StatusCode);
        var ailleurs = await referent.GetAsync($"/deliberations/assemblee/{cm}");
        Assert.Equal(HttpStatusCode.Forbidden, ailleurs.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await ailleurs.Content.ReadAsStringAsync());
        var gestion = await referent.GetHtmlAsync("/deliberations/gestion");
        Assert.Contains("Conseil de Territoire du Pays d'Aix", gestion);
        Assert.DoesNotContain("Conseil de la Métropole Aix-Marseille-Provence</a>", gestion);
        var intrusion = await EgalisFactory.PostBrutAsync(referent, "/deliberations/gestion", new()
        {
            ["Input.AssembleeId"] = cm.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Date"] = "2026-05-01", ["Input.PolitiqueCode"] = "CGCT",
        }, formPage: "/deliberations/gestion");
        Assert.Contains("Choisissez une assemblée dont vous tenez le secrétariat.", await intrusion.ReadHtmlAsync());
        var agent = await factory.SignedInAsAsync(Roles.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/deliberations/gestion")).StatusCode);
    }

    [Fact]
    public async Task The_team_creates_a_commission_and_a_referent_cannot()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var creation = await EgalisFactory.PostFormAsync(cheffe, "/deliberations/gestion?handler=Commission", new() { ["Commission.Code"] = "com-cohesion", ["Commission.Nom"] = "Commission Cohésion sociale" }, formPage: "/deliberations/gestion");
        Assert.Equal(HttpStatusCode.Redirect, creation.StatusCode);
        Assert.Contains("Commission Cohésion sociale", await cheffe.GetHtmlAsync("/deliberations/gestion"));
        var doublon = await EgalisFactory.PostFormAsync(cheffe, "/deliberations/gestion?handler=Commission", new() { ["Commission.Code"] = "COM-COHESION", ["Commission.Nom"] = "Autre" }, formPage: "/deliberations/gestion");
        Assert.Contains("Le code COM-COHESION est déjà pris.", await doublon.ReadHtmlAsync());
        var referent = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        var refus = await EgalisFactory.PostBrutAsync(referent, "/deliberations/gestion?handler=Commission", new() { ["Commission.Code"] = "COM-X", ["Commission.Nom"] = "X" }, formPage: "/deliberations/gestion");
        Assert.Equal(HttpStatusCode.Forbidden, refus.StatusCode);
    }

    [Fact]
    [Soumet(typeof(AssembleeModel), "Mandat")]
    public async Task A_term_is_corrected_but_never_leaves_out_a_session_the_member_attended()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var ct2 = await AssembleeAsync("CT2");
        var m = await MandatsAsync(ct2);
        var url = $"/deliberations/assemblee/{ct2}";
        var form = await Formulaire.LireAsync(cheffe, url, $"?handler=mandat&mandat={m["ALBERT Guy"]}");
        var avant = await form.EnvoyerAsync(cheffe, new() { ["fin"] = "2019-12-01" });
        var html = await avant.ReadHtmlAsync();
        Assert.Contains("Ce membre figure à la séance du 12/12/2019 : la fin du mandat ne peut pas la précéder.", html);
        Assert.Contains("value=\"2019-12-01\"", html);
        var tard = await form.EnvoyerAsync(cheffe, new() { ["debut"] = "2019-12-13" });
        Assert.Contains("Ce membre figure à la séance du 12/12/2019 : le début du mandat ne peut pas la suivre.", await tard.ReadHtmlAsync());
        var ok = await form.EnvoyerAsync(cheffe, new() { ["fin"] = "2020-03-15" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Mandat d'ALBERT Guy modifié : du 01/01/2016 au 15/03/2020.", page);
        Assert.Contains("<th scope=\"row\">ALBERT Guy</th>\n            <td>du 01/01/2016 au 15/03/2020</td>", page);
    }

    [Fact]
    public async Task A_new_session_after_a_failed_quorum_comes_at_least_three_days_later()
    {
        using var scope = factory.Services.CreateScope();
        var secretariat = scope.ServiceProvider.GetRequiredService<SecretariatService>();
        var ct5 = await AssembleeAsync("CT5");
        var initiale = await secretariat.CreerSeanceAsync(new(ct5, new DateOnly(2026, 4, 1), "Istres", null, "CGCT", null, null, null), default);
        var tropTot = await secretariat.CreerSeanceAsync(new(ct5, new DateOnly(2026, 4, 3), "Istres", null, "CGCT", null, null, initiale.Id), default);
        Assert.Contains(tropTot.Errors, e => e.Message.Contains("au moins 3 jours après celle du 01/04/2026"));
        Assert.True((await secretariat.CreerSeanceAsync(new(ct5, new DateOnly(2026, 4, 4), "Istres", null, "CGCT", null, null, initiale.Id), default)).Ok);
    }

    [Fact]
    public async Task The_same_proxy_cannot_cover_a_fourth_consecutive_session()
    {
        using var scope = factory.Services.CreateScope();
        var secretariat = scope.ServiceProvider.GetRequiredService<SecretariatService>();
        var matieres = scope.ServiceProvider.GetRequiredService<MatieresActes>();
        // An assembly of its own: the other tests of this class add members elsewhere.
        var ct6 = (await secretariat.CreerCommissionAsync("COM-QUATRE", "Commission des quatre séances", default)).Id!.Value;
        await secretariat.AjouterMembreAsync(ct6, "UN Ugo", new DateOnly(2020, 7, 15), null, default);
        await secretariat.AjouterMembreAsync(ct6, "DEUX Dora", new DateOnly(2020, 7, 15), null, default);
        var m = await MandatsAsync(ct6);
        Egalis.Web.Platform.Data.Result? dernier = null;
        for (var i = 0; i < 4; i++)
        {
            var seance = await secretariat.CreerSeanceAsync(new(ct6, new DateOnly(2026, 1, 10).AddDays(7 * i), "Martigues", null, "CGCT", null, null, null), default);
            var point = await secretariat.AjouterPointAsync(new(seance.Id!.Value, 1, null, null, $"Point {i}", null, "8.5", "DE", GenrePoint.Vote, null, [], [], null), matieres, default);
            dernier = await secretariat.EnregistrerPresencesAsync(point.Id!.Value,
                [new LignePresence(m["UN Ugo"], "UN Ugo", StatutPresence.Present, null), new LignePresence(m["DEUX Dora"], "DEUX Dora", StatutPresence.Represente, m["UN Ugo"])], default);
            Assert.Equal(i < 3, dernier.Ok);
        }
        Assert.Contains(dernier!.Errors, e => e.Message.Contains("a déjà servi pour 3 séances consécutives"));
    }

    [Fact]
    [Soumet(typeof(AssembleeModel), "VerifierMembres")]
    [Soumet(typeof(AssembleeModel), "ImporterMembres")]
    public async Task An_assemblys_members_are_imported_from_a_checked_file_all_or_nothing()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var ct6 = await AssembleeAsync("CT6");
        var url = $"/deliberations/assemblee/{ct6}";
        static (string, byte[]) Fichier(string texte) => ("membres.csv", System.Text.Encoding.UTF8.GetBytes(texte));

        var mauvais = await (await Formulaire.LireAsync(cheffe, url, "?handler=verifiermembres")).EnvoyerAsync(cheffe, fichiers: new()
        {
            ["Fichier"] = Fichier("nom;debut;fin\nMARTIN Léa;15/07/2020;\nDURAND Paul;31/02/2020;\nmartin  léa;2021-01-01;\n;01/01/2021;\n"),
        });
        var html = await mauvais.ReadHtmlAsync();
        Assert.Contains("3 erreurs : rien ne sera enregistré", html);
        Assert.Contains("<td>3</td><td>Le début « 31/02/2020 » n'est pas une date (jj/mm/aaaa).</td>", html);
        Assert.Contains("<td>4</td><td>martin léa figure déjà à la ligne 2 pour une période qui se chevauche.</td>", html);
        Assert.Contains("<td>5</td><td>Indiquez le nom, sous la forme « NOM Prénom » (200 caractères au plus).</td>", html);
        Assert.DoesNotContain("handler=importermembres", html);

        var bon = await (await Formulaire.LireAsync(cheffe, url, "?handler=verifiermembres")).EnvoyerAsync(cheffe, fichiers: new()
        {
            ["Fichier"] = Fichier("nom;debut;fin\r\nMARTIN Léa;15/07/2020;\r\nDURAND Paul;15/07/2020;31/12/2023\r\n"),
        });
        var apercu = await bon.Content.ReadAsStringAsync();
        Assert.Contains("Mandats lus (2)", System.Net.WebUtility.HtmlDecode(apercu));
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Mandat>().CountAsync(m => m.AssembleeId == ct6));
        }
        var confirme = await Formulaire.Depuis(apercu, url, "?handler=importermembres").EnvoyerAsync(cheffe);
        Assert.Equal(HttpStatusCode.Redirect, confirme.StatusCode);
        var page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Import terminé : 2 mandats enregistrés, dont 2 nouveaux membres.", page);
        Assert.Contains("<th scope=\"row\">DURAND Paul</th>\n            <td>du 15/07/2020 au 31/12/2023</td>", page);
        // The same file again: refused, nothing doubled.
        var encore = await Formulaire.Depuis(apercu, url, "?handler=importermembres").EnvoyerAsync(cheffe);
        Assert.Contains("MARTIN Léa a déjà un mandat dans cette assemblée sur cette période.", await encore.ReadHtmlAsync());
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Mandat>().CountAsync(m => m.AssembleeId == ct6));
        }
    }
}

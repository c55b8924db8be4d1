using System.Net;
using System.Text;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PorteurModel = Egalis.Web.Features.Fonds.Pages.DossierModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>
/// A stand-in for the Base Adresse Nationale, served over HTTP in the test process: it answers the BAN's GeoJSON for
/// two known addresses (one in a Marseille priority neighbourhood, one in Paris) and nothing for any other.
/// </summary>
public sealed class AdresseFactory : EgalisFactory
{
    private readonly HttpListener _ban;
    private readonly int _port;

    public AdresseFactory()
    {
        // A free port, then the listener on it.
        var sonde = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        sonde.Start();
        _port = ((IPEndPoint)sonde.LocalEndpoint).Port;
        sonde.Stop();
        _ban = new HttpListener();
        _ban.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _ban.Start();
        _ = Task.Run(RepondreAsync);
    }

    protected override Dictionary<string, string?> ExtraSettings => new()
    {
        ["Geocodage:Ban:Active"] = "true",
        ["Geocodage:Ban:Url"] = $"http://127.0.0.1:{_port}/search/",
        ["Geocodage:Ban:Tentatives"] = "1",
    };

    private async Task RepondreAsync()
    {
        while (_ban.IsListening)
        {
            HttpListenerContext contexte;
            try
            {
                contexte = await _ban.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var q = contexte.Request.QueryString["q"] ?? "";
            var (libelle, lon, lat) = q.Contains("Cabucelle", StringComparison.Ordinal) ? ("5 rue de la Cabucelle 13015 Marseille", 5.36, 43.34)
                : q.Contains("Rivoli", StringComparison.Ordinal) ? ("10 rue de Rivoli 75004 Paris", 2.3522, 48.8566) : (null, 0, 0);
            var corps = libelle is null ? "{\"type\":\"FeatureCollection\",\"features\":[]}"
                : "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                  + lon.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + lat.ToString(System.Globalization.CultureInfo.InvariantCulture)
                  + "]},\"properties\":{\"label\":\"" + libelle + "\",\"score\":0.97}}]}";
            var octets = Encoding.UTF8.GetBytes(corps);
            contexte.Response.ContentType = "application/json";
            contexte.Response.ContentLength64 = octets.Length;
            await contexte.Response.OutputStream.WriteAsync(octets);
            contexte.Response.Close();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ban.Close();
        }
        base.Dispose(disposing);
    }
}

/// <summary>The communes and priority neighbourhood of a project found from an address, without losing what is typed.</summary>
public class AdresseTests(AdresseFactory factory) : IClassFixture<AdresseFactory>
{
    [Fact]
    [Soumet(typeof(PorteurModel), "Adresse")]
    public async Task An_address_ticks_its_commune_and_priority_neighbourhood_and_keeps_the_draft()
    {
        var appel = await factory.AppelOuvertAsync("Appel des adresses");
        var ines = await factory.InscrireAsync("Inès Martin", "ines.adresse@exemple.fr");
        await factory.AssociationPreteAsync("ines.adresse@exemple.fr", "Cabucelle solidaire", "73282932000074");
        int dossier;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var organisation = await db.Set<Organisation>().Where(o => o.Siret == "73282932000074").Select(o => o.Id).SingleAsync();
            var membre = await db.Users.Where(u => u.Email == "ines.adresse@exemple.fr").Select(u => u.Id).SingleAsync();
            dossier = (await scope.ServiceProvider.GetRequiredService<DossiersService>().CreerAsync(appel, organisation,
                FondsDonnees.Personne(membre, "Inès Martin", Egalis.Web.Platform.Identity.Roles.Porteur), default)).Id!.Value;
        }
        var url = $"/fonds/dossier/{dossier}";
        var formulaire = await Formulaire.LireAsync(ines, url, "?handler=Adresse");

        // Unknown, then outside the Métropole: said next to the field, what is typed kept, nothing saved.
        var inconnue = await (await formulaire.EnvoyerAsync(ines, new() { ["Adresse"] = "1 chemin Inconnu", ["Input.Intitule"] = "Ateliers de quartier" })).ReadHtmlAsync();
        Assert.Contains("Cette adresse n'a pas été trouvée (ou le service des adresses ne répond pas) : vérifiez-la, ou cochez la commune dans la liste.", inconnue);
        Assert.Contains("value=\"Ateliers de quartier\"", inconnue);
        Assert.Contains("« 10 rue de Rivoli 75004 Paris » n'est pas dans une commune de la Métropole",
            await (await formulaire.EnvoyerAsync(ines, new() { ["Adresse"] = "10 rue de Rivoli, Paris" })).ReadHtmlAsync());
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == dossier).Select(d => d.Intitule).SingleAsync());
        }

        // Found: Marseille and the Cabucelle neighbourhood are ticked, and the draft keeps the title typed.
        var trouvee = await formulaire.EnvoyerAsync(ines, new() { ["Adresse"] = "5 rue de la Cabucelle, Marseille", ["Input.Intitule"] = "Ateliers de quartier" });
        Assert.Equal(HttpStatusCode.Redirect, trouvee.StatusCode);
        var page = await ines.GetHtmlAsync(url);
        Assert.Contains("Adresse trouvée : 5 rue de la Cabucelle 13015 Marseille. Cochés : la commune Marseille et le quartier prioritaire Cap Janet La Cabucelle Les Crottes. Brouillon enregistré.", page);
        using (var scope = factory.Services.CreateScope())
        {
            var enregistre = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == dossier)
                .Select(d => new { d.Intitule, d.Communes, d.Qpv, d.ConseilTerritoireCode }).SingleAsync();
            Assert.Equal("Ateliers de quartier", enregistre.Intitule);
            Assert.Equal(["13055"], enregistre.Communes);
            Assert.Equal(["QN01362I"], enregistre.Qpv);
            Assert.Equal("CT1", enregistre.ConseilTerritoireCode);
        }
    }
}

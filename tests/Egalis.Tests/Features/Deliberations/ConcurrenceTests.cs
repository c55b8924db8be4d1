using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Deliberations;

/// <summary>A double click, or two secretaries at once: one record, and a French message for the other — never a 500.</summary>
public class ConcurrenceTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<int> AssembleeAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Assemblee>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task The_same_new_member_posted_twenty_times_at_once_is_added_once()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var ct4 = await AssembleeAsync("CT4");
        var url = $"/deliberations/assemblee/{ct4}";
        var form = await Formulaire.LireAsync(cheffe, url);
        var reponses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => form.EnvoyerAsync(cheffe, new() { ["Input.Nom"] = "SIMULTANÉ Jean", ["Input.Debut"] = "2020-07-15" })));
        Assert.All(reponses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        Assert.Equal(1, reponses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refus in reponses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var html = await refus.ReadHtmlAsync();
            Assert.True(html.Contains("SIMULTANÉ Jean a déjà un mandat dans cette assemblée") || html.Contains("Le mandat de SIMULTANÉ Jean vient d'être enregistré par quelqu'un d'autre"), html.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        Assert.Equal(1, await db.Set<Elu>().CountAsync(e => e.Nom == "SIMULTANÉ Jean"));
        Assert.Equal(1, await db.Set<Mandat>().CountAsync(m => m.AssembleeId == ct4 && m.Elu!.Nom == "SIMULTANÉ Jean"));
    }

    [Fact]
    public async Task The_same_commission_created_twenty_times_at_once_exists_once()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var form = await Formulaire.LireAsync(cheffe, "/deliberations/gestion", "?handler=commission");
        var reponses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => form.EnvoyerAsync(cheffe, new() { ["Commission.Code"] = "COM-DOUBLE", ["Commission.Nom"] = "Commission en double" })));
        Assert.All(reponses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        Assert.Equal(1, reponses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Assemblee>().CountAsync(a => a.Code == "COM-DOUBLE"));
    }

    [Fact]
    public async Task The_same_attendance_posted_fifty_times_at_once_answers_no_error_page()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await (await Formulaire.LireAsync(cheffe, "/deliberations/gestion", "?handler=commission"))
            .EnvoyerAsync(cheffe, new() { ["Commission.Code"] = "COM-PRESENCES", ["Commission.Nom"] = "Commission des présences" });
        var urlAssemblee = commission.Headers.Location!.OriginalString;
        foreach (var nom in new[] { "UN Alice", "DEUX Bruno", "TROIS Chloé" })
        {
            await (await Formulaire.LireAsync(cheffe, urlAssemblee)).EnvoyerAsync(cheffe, new() { ["Input.Nom"] = nom, ["Input.Debut"] = "2021-01-01" });
        }
        var seance = await (await Formulaire.LireAsync(cheffe, "/deliberations/gestion")).EnvoyerAsync(cheffe, new() { ["Input.AssembleeId"] = urlAssemblee.Split('/').Last(), ["Input.Date"] = "2026-02-02" });
        var urlSeance = seance.Headers.Location!.OriginalString;
        await (await Formulaire.LireAsync(cheffe, urlSeance, "?handler=point")).EnvoyerAsync(cheffe, new() { ["Point.Objet"] = "Point disputé" });
        var urlPoint = "/deliberations/point/" + System.Text.RegularExpressions.Regex.Match(await cheffe.GetStringAsync(urlSeance), "/deliberations/point/(\\d+)").Groups[1].Value;
        var form = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=presences");
        var reponses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => form.EnvoyerAsync(cheffe, new() { ["Presences[0].Statut"] = i % 2 == 0 ? "Absent" : "Excuse" })));
        Assert.All(reponses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        Assert.Contains(reponses, r => r.StatusCode == HttpStatusCode.Redirect);
        using var scope = factory.Services.CreateScope();
        var id = int.Parse(urlPoint.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        // Whoever came last, the attendance is whole: three members, each once.
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Presence>().CountAsync(p => p.PointId == id));
    }
}

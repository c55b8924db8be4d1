using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Territoires;
using UglyToad.PdfPig;

namespace Egalis.Tests.Features.Deliberations;

public class ExtraitTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task The_regenerated_extract_of_the_founding_act_carries_its_names_and_counts()
    {
        var registre = await factory.Client().GetHtmlAsync("/deliberations?assemblee=CT2");
        var id = Regex.Match(registre, "/deliberations/acte/(\\d+)\"").Groups[1].Value;
        var response = await factory.Client().GetAsync($"/deliberations/acte/{id}?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("extrait-2019_CT2_587.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var texte = Regex.Replace(string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), @"\s+", " ");
        string Entre(string debut, string fin)
        {
            var i = texte.IndexOf(debut, StringComparison.Ordinal);
            Assert.True(i >= 0, debut);
            var j = texte.IndexOf(fin, i + debut.Length, StringComparison.Ordinal);
            return texte[(i + debut.Length)..j].Trim();
        }
        var presents = Entre("Etaient Présents : ", "Étai(en)t excusé(es) avec pouvoir").Split(" – ");
        var pouvoirs = Entre("Code Général des Collectivités Territoriales : ", "Étai(en)t excusé(es) sans pouvoir").Split(" – ");
        var excuses = Entre("Étai(en)t excusé(es) sans pouvoir : ", "Membres en exercice").Split(" – ");

        var t = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceData.DefaultFolder, "pmlcd-2019.json"))).RootElement.GetProperty("deliberations")[1];
        Assert.Equal(t.GetProperty("present").EnumerateArray().Select(e => e.GetString()), presents);
        Assert.Equal(t.GetProperty("absent_with_proxy").EnumerateArray().Select(e => $"{e.GetProperty("member").GetString()} donne pouvoir à {e.GetProperty("proxy_holder").GetString()}").Order(), pouvoirs.Order());
        Assert.Equal(t.GetProperty("absent_without_proxy").EnumerateArray().Select(e => e.GetString()).Order(), excuses.Order());
        Assert.Contains("Membres en exercice : 90 – présents : 55 – représentés : 14 – absents : 21.", texte);
        Assert.Contains("Secrétaire de séance : CALAFAT Roxane", texte);
        Assert.Contains("MANCEL Joël donne lecture du rapport ci-joint.", texte);
        Assert.Contains("Le 12 décembre 2019, le Conseil de Territoire du Pays d'Aix s'est réuni au Château Saint-Hilaire à Coudoux, sur la convocation qui lui a été adressée le 6 décembre 2019", texte);
        Assert.Contains("Après avoir pris connaissance du rapport, le Conseil de Territoire en prend acte et le transforme en délibération.", texte);
        Assert.Contains("Accusé de réception en préfecture 013-200054807-20191212-2019_CT2_587-DE Date de télétransmission : 09/01/2020 Date de réception préfecture : 09/01/2020", texte);
        Assert.Contains("Signé par JOISSAINS MASINI Maryse, le 3 janvier 2020.", texte);
    }
}

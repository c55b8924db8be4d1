using Egalis.Tests.Infrastructure;

namespace Egalis.Tests.Platform;

/// <summary>« Données ouvertes »: every module's datasets, with schema, licence, size and last update.</summary>
public class DonneesOuvertesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task The_public_page_lists_every_dataset_with_its_schema_licence_size_and_update()
    {
        var html = await factory.Client().GetHtmlAsync("/donneesouvertes");
        foreach (var titre in new[] { "Actions du plan", "Délibérations", "Emploi des crédits du plan", "Indicateurs du plan" })
        {
            Assert.Contains($"\">{titre}</h2>", html);
        }
        Assert.Contains("<a href=\"https://schema.data.gouv.fr/scdl/deliberations/\">SCDL Délibérations 2.1.5</a>", html);
        Assert.Contains("Licence Ouverte / Open Licence 2.0 (Etalab)", html);
        // The founding acts: the Métropole's deliberation and the Pays d'Aix's act 2019_CT2_587.
        var deliberations = html[html.IndexOf(">Délibérations</h2>", StringComparison.Ordinal)..];
        Assert.Contains("<dt class=\"col-sm-4\">Nombre de lignes</dt><dd class=\"col-sm-8\">2</dd>", deliberations[..deliberations.IndexOf("</section>", StringComparison.Ordinal)]);
        // 2 axes and 14 actions of the founding plan.
        var actions = html[html.IndexOf(">Actions du plan</h2>", StringComparison.Ordinal)..];
        Assert.Contains("<dd class=\"col-sm-8\">16</dd>", actions[..actions.IndexOf("</section>", StringComparison.Ordinal)]);
        Assert.Contains("href=\"/exports/budget-2020.csv\">CSV 2020", html);
        // The count the page gives is the file's: a row per indicator and year, and one per shorter period.
        var indicateurs = html[html.IndexOf(">Indicateurs du plan</h2>", StringComparison.Ordinal)..];
        indicateurs = indicateurs[..indicateurs.IndexOf("</section>", StringComparison.Ordinal)];
        var csv = System.Text.Encoding.UTF8.GetString(await factory.Client().GetByteArrayAsync("/exports/plan-indicateurs.csv")).TrimEnd('\r', '\n').Split("\r\n");
        Assert.Contains($"<dt class=\"col-sm-4\">Nombre de lignes</dt><dd class=\"col-sm-8\">{csv.Length - 1}</dd>", indicateurs);
        Assert.DoesNotContain("Dernière mise à jour</dt><dd class=\"col-sm-8\">non connue", html);

        // Each file announced is there.
        foreach (var url in new[] { "/api/v1/opendata/deliberations.csv", "/exports/plan-actions.csv", "/exports/plan-indicateurs.xlsx", "/exports/budget-2020.csv" })
        {
            Assert.True((await factory.Client().GetAsync(url)).IsSuccessStatusCode, url);
        }
    }
}

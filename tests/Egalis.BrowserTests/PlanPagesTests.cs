using Microsoft.Playwright;

namespace Egalis.BrowserTests;

[Collection(SiteCollection.Name)]
public class PlanPagesTests(SiteFixture site) : BrowserTest(site)
{
    [Fact]
    public Task The_public_plan_page_has_no_accessibility_violation() => WithPageAsync("plan-public", async page =>
    {
        await page.GotoAsync("/plan");
        Assert.Equal("Où en est le plan ?", await page.InnerTextAsync("h1"));
        Assert.Equal(14, await page.Locator("section[aria-labelledby^='axe-'] tbody tr").CountAsync());
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/plan/action/1.6");
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/plan/bilan/2020");
        Assert.Equal("Bilan annuel 2020 du plan", await page.InnerTextAsync("h1"));
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_team_pages_have_no_accessibility_violation() => WithPageAsync("plan-equipe", async page =>
    {
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/plan/pilotage");
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/plan/modifier/1.6");
        await AssertNoAxeViolationsAsync(page);
        // A bad figure comes back with the summary focused, still without violations.
        await page.GetByLabel("Avancement (%)").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enregistrer" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.hasAttribute('data-resume-erreurs')",
            null, new PageWaitForFunctionOptions { Timeout = 5000 });
        Assert.Contains("L'avancement est un nombre entre 0 et 100.", await page.InnerTextAsync("main"));
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_budget_pages_have_no_accessibility_violation() => WithPageAsync("budget", async page =>
    {
        await SignInAsync(page, "assistant@egalis.local");
        await page.GotoAsync("/budget");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Action du plan").SelectOptionAsync("1.1");
        await page.GetByLabel("Montant alloué (€)").FillAsync("2 000,50");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Allouer", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("text=alloués à l'action 1.1");
        await page.GotoAsync("/budget/engagements?annee=2020");
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_indicator_pages_have_no_accessibility_violation() => WithPageAsync("indicateurs", async page =>
    {
        await page.GotoAsync("/plan/indicateurs");
        await AssertNoAxeViolationsAsync(page);
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/plan/indicateur");
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/plan/indicateur/TER-COMMUNES-QPV");
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_import_page_and_its_preview_have_no_accessibility_violation() => WithPageAsync("import", async page =>
    {
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/plan/import");
        await AssertNoAxeViolationsAsync(page);
        await page.SetInputFilesAsync("#Fichier", new FilePayload
        {
            Name = "actions.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("code;intitule;avancement\n1.1;Workshop;20\n1.2;;deux cents\n"),
        });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Vérifier le fichier" }).ClickAsync();
        await page.WaitForSelectorAsync("text=rien ne sera enregistré");
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_plan_page_fits_a_320_pixel_screen() => WithPageAsync("plan-320px", async page =>
    {
        await page.GotoAsync("/plan");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{width} px de large à 320 px");
    }, width: 320);
}

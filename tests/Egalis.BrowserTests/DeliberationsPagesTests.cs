namespace Egalis.BrowserTests;

[Collection(SiteCollection.Name)]
public class DeliberationsPagesTests(SiteFixture site) : BrowserTest(site)
{
    [Fact]
    public Task The_register_and_an_act_have_no_accessibility_violation() => WithPageAsync("deliberations", async page =>
    {
        await page.GotoAsync("/deliberations");
        await AssertNoAxeViolationsAsync(page);
        await page.ClickAsync("text=prise d'acte >> xpath=../th/a");
        await page.WaitForSelectorAsync("text=Étaient présents (55)");
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_secretariat_and_attendance_pages_have_no_accessibility_violation() => WithPageAsync("presences", async page =>
    {
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/deliberations/gestion");
        await AssertNoAxeViolationsAsync(page);
        await page.ClickAsync("text=12/12/2019");
        await AssertNoAxeViolationsAsync(page);
        await page.ClickAsync("text=Adoption d'un plan Métropolitain");
        await page.WaitForSelectorAsync("text=Présences pour ce point");
        Assert.Equal(90, await page.Locator("fieldset[id^='presence-']").CountAsync());
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task The_import_page_and_its_preview_have_no_accessibility_violation() => WithPageAsync("import-deliberation", async page =>
    {
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/deliberations/import");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Assemblée").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Conseil de Territoire du Pays d'Aix" });
        await page.GetByLabel("Texte de la délibération").FillAsync("OBJET : Essai\nLe 3 mars 2021, le Conseil de Territoire du Pays d'Aix s'est réuni à Aix.\nEtaient Présents : DURAND Anne – ###");
        await page.ClickAsync("text=Lire le texte");
        await page.WaitForSelectorAsync("text=à corriger avant d'enregistrer");
        await AssertNoAxeViolationsAsync(page);
    });
}

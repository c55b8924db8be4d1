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

    /// <summary>
    /// A session of the 90-member council is prepared in the secretariat's pages, then its attendance
    /// is taken: all present by default, one member represented (the holder list appears in the row),
    /// one absent. The page fits the window, at 1 280 and at 320 pixels.
    /// </summary>
    [Theory]
    [InlineData(1280, "2020-02-10", "2020_CT2_100")]
    [InlineData(320, "2020-02-11", "2020_CT2_101")]
    public Task The_attendance_of_a_90_member_council_is_taken_in_a_page_that_fits(int largeur, string date, string numero) => WithPageAsync($"presences-{largeur}", async page =>
    {
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/deliberations/gestion");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Assemblée").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Conseil de Territoire du Pays d'Aix" });
        await page.GetByLabel("Date de la séance").FillAsync(date);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Séance créée : ajoutez son ordre du jour.");
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("#Point_Objet").FillAsync("Rapport annuel sur la lutte contre les discriminations");
        await page.Locator("#Point_NumeroActe").FillAsync(numero);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Ajouter le point" }).ClickAsync();
        await page.ClickAsync("text=Rapport annuel sur la lutte contre les discriminations");
        await page.WaitForSelectorAsync("text=Présences pour ce point");
        Assert.Equal(90, await page.Locator("tr[id^='presence-']").CountAsync());
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= largeur, "la page déborde de la fenêtre");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("Présence d'ALBERT Guy").SelectOptionAsync("Represente");
        await page.GetByLabel("Pouvoir d'ALBERT Guy donné à").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "BOUDON Jacques" });
        await page.GetByLabel("Présence de BACHI Abbassia").SelectOptionAsync("Absent");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Présences enregistrées.");
        Assert.Contains("88 présents, 1 représenté, 1 absent (excusés ou non) sur 90 membres en exercice", await page.InnerTextAsync("main"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= largeur, "la page déborde de la fenêtre");
        Directory.CreateDirectory(SiteFixture.ResultsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ResultsFolder, $"presences-{largeur}.png") });
    }, width: largeur);

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

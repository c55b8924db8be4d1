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
}

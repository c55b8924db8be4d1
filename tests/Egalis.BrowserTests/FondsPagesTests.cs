using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Egalis.BrowserTests;

/// <summary>
/// The applicant's journey in a real browser, from the account's creation to the dossier's submission, with no
/// accessibility violation on any page and the form filled with the keyboard. The team first opens a call.
/// </summary>
[Collection(SiteCollection.Name)]
public class FondsPagesTests(SiteFixture site) : BrowserTest(site)
{
    private async Task<string> LienDuCourrielAsync(string adresse)
    {
        var limite = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < limite)
        {
            if (Directory.Exists(Site.MailsFolder))
            {
                foreach (var fichier in Directory.GetFiles(Site.MailsFolder, "*.eml"))
                {
                    var texte = await File.ReadAllTextAsync(fichier);
                    if (texte.Contains(adresse, StringComparison.OrdinalIgnoreCase) && Regex.Match(texte, @"https?://\S+/compte/reinitialisermotdepasse\?\S+") is { Success: true } lien)
                    {
                        return lien.Value;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Aucun courriel avec un lien pour {adresse}.");
    }

    [Fact]
    public Task An_applicant_creates_an_account_an_organisation_and_submits_a_dossier_with_the_keyboard() => WithPageAsync("fonds-porteur", async page =>
    {
        // The team: an envelope on action 2.5, then a call, published.
        await SignInAsync(page, "cheffe.projet@egalis.local");
        await page.GotoAsync("/budget?annee=2020");
        await page.Locator("#Allocation_ActionCode").SelectOptionAsync("2.5");
        await page.Locator("#Allocation_Montant").FillAsync("20 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allouer" }).ClickAsync();
        await page.WaitForSelectorAsync("text=alloués à l'action 2.5");
        await page.GotoAsync("/fonds/gestion/appel");
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("#Input_Titre").FillAsync("Appel à projets du navigateur");
        await page.Locator("#Input_OuvertureJour").FillAsync("2026-01-05");
        await page.Locator("#Input_OuvertureHeure").FillAsync("00:00");
        await page.Locator("#Input_ClotureJour").FillAsync("2099-03-29");
        await page.Locator("#Input_AllocationId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Appel à projets enregistré en brouillon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("text=Appel publié");
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/compte/deconnexion");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/compte/deconnexion", StringComparison.Ordinal));

        // The applicant reads the call and creates an account.
        await page.GotoAsync("/fonds");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Appel à projets du navigateur" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "le créer" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await TabToAsync(page, "Input_NomComplet");
        await page.Keyboard.TypeAsync("Nadia Présidente");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("nadia@asso-navigateur.fr");
        await TabToAsync(page, "Input_Consentement");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Un message vient d'être envoyé à nadia@asso-navigateur.fr.");
        await AssertNoAxeViolationsAsync(page);
        var lien = new Uri(await LienDuCourrielAsync("nadia@asso-navigateur.fr"));
        await page.GotoAsync(lien.PathAndQuery);
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("#MotDePasse").FillAsync("Un mot de passe bien long 2026");
        await page.Locator("#Confirmation").FillAsync("Un mot de passe bien long 2026");
        await page.Locator("#Confirmation").PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Votre mot de passe est enregistré.");
        await page.GetByRole(AriaRole.Link, new() { Name = "vous connecter" }).ClickAsync();
        await page.GetByLabel("Adresse électronique").FillAsync("nadia@asso-navigateur.fr");
        await page.GetByLabel("Mot de passe", new() { Exact = false }).First.FillAsync("Un mot de passe bien long 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/espace", StringComparison.Ordinal));
        await AssertNoAxeViolationsAsync(page);

        // Her association: checked identifiers, then its documents and its representative.
        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer votre association ou votre commune" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("#Input_Nom").FillAsync("Association du navigateur");
        await page.Locator("#Input_Siret").FillAsync("732 829 320 00070");
        await page.Locator("#Input_Adresse").FillAsync("12 rue de la République");
        await page.Locator("#Input_CodePostal").FillAsync("13002");
        await page.Locator("#Input_Ville").FillAsync("Marseille");
        await page.Locator("#Input_Iban").FillAsync("FR76 3000 6000 0112 3456 7890 189");
        await page.Locator("#Input_Bic").FillAsync("AGRIFRPP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'organisation" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Ce SIRET n'existe pas : vérifiez ses chiffres");
        await AssertNoAxeViolationsAsync(page);
        Assert.Equal("12 rue de la République", await page.Locator("#Input_Adresse").InputValueAsync());
        await page.Locator("#Input_Siret").FillAsync("732 829 320 00074");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'organisation" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Organisation enregistrée");
        await AssertNoAxeViolationsAsync(page);
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        foreach (var (type, nom) in new[] { ("Statuts", "statuts.pdf"), ("Rib", "rib.pdf") })
        {
            await page.Locator("#Piece_Type").SelectOptionAsync(type);
            await page.Locator("#Piece_Fichier").SetInputFilesAsync(new FilePayload { Name = nom, MimeType = "application/pdf", Buffer = pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la pièce" }).ClickAsync();
            await page.WaitForSelectorAsync($"text={nom}");
        }
        await page.Locator("#Representant_MembreId").SelectOptionAsync(new SelectOptionValue { Label = "Nadia Présidente" });
        await page.Locator("#Representant_Qualite").FillAsync("Présidente");
        await page.GetByRole(AriaRole.Button, new() { Name = "Désigner" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Représentant légal désigné.");
        await AssertNoAxeViolationsAsync(page);

        // The dossier: started from the call, filled with the keyboard, submitted.
        await page.GotoAsync("/fonds");
        await page.GetByRole(AriaRole.Link, new() { Name = "Appel à projets du navigateur" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Déposer un dossier" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer le dossier" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Brouillon créé");
        await AssertNoAxeViolationsAsync(page);
        await TabToAsync(page, "Input_Intitule", 60);
        await page.Keyboard.TypeAsync("Ateliers du navigateur");
        foreach (var (champ, texte) in new[]
        {
            ("Input_Objectifs", "Faire connaître les recours."), ("Input_Description", "Six ateliers."), ("Input_PublicVise", "Jeunes de 16 à 25 ans."),
            ("Input_NombreBeneficiaires", "120"),
        })
        {
            await TabToAsync(page, champ);
            await page.Keyboard.TypeAsync(texte);
        }
        await page.Locator("#Input_DateDebut").FillAsync("2026-09-01");
        await page.Locator("#Input_DateFin").FillAsync("2027-06-30");
        // A territory's communes open with the keyboard, a commune is ticked with the space bar.
        await page.Locator("#Input_Communes summary").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#Input_Communes input[type=checkbox]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#critere-origine").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#domaine-emploi").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#Input_Moyens").FillAsync("Deux animateurs.");
        await page.Locator("#Input_Evaluation").FillAsync("Questionnaires.");
        await page.Locator("#budget-64").FillAsync("10 000");
        await page.Locator("#Input_MontantDemande").FillAsync("8 000");
        await page.Locator("#budget-74-etat").FillAsync("2 000");
        await page.Locator("#Input_Attestation").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#Input_EngagementRepublicain").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        // The draft saves itself as she types, and says so.
        await page.WaitForSelectorAsync("text=/Brouillon enregistré à \\d\\d:\\d\\d\\./");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.WaitForSelectorAsync("text=Le dossier est complet.");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer le dossier" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Dossier déposé.");
        await AssertNoAxeViolationsAsync(page);
        Assert.Contains("en construction", await page.InnerTextAsync("#etat"));
    });
}

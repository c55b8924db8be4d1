using Egalis.Web.Features.Administration;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Compte;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Features.Plan;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform;

// The platform, then each module once (docs/modules.md).
return await EgalisApplication.RunAsync(args,
    new TerritoiresModule(),
    new CompteModule(),
    new AdministrationModule(),
    new PlanModule(),
    new BudgetModule(),
    new DeliberationsModule(),
    new FondsModule());

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;

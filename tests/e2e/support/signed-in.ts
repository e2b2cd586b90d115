import type { Browser, Page } from "playwright-core";
import { ListsStudio } from "../pages/lists";
import { Studio } from "../pages/studio";
import { WorkflowPanel } from "../pages/workflow";

export type SignedIn = { page: Page; studio: Studio; lists: ListsStudio; flow: WorkflowPanel };

/** A person signed in to the studio in a browser context of their own, with the page objects they use. */
export async function signedInAs(browser: Browser, baseURL: string, email: string, password: string): Promise<SignedIn> {
  const page = await (await browser.newContext()).newPage();
  const studio = new Studio(page, baseURL);
  await studio.signInAndWait(email, password);
  return { page, studio, lists: new ListsStudio(page, baseURL), flow: new WorkflowPanel(page) };
}

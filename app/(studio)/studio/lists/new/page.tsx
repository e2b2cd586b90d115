import type { Metadata } from "next";
import { z } from "zod";
import { NewListForm } from "@/components/studio/list-new-form";
import { listPlacementOptions } from "@/server/lists/summaries";
import { studioPageUser } from "../../_lib/page-user";
import { createListAction } from "../actions";
import "../lists.css";

export const metadata: Metadata = { title: "New list" };

const prefill = z.coerce.number().int().positive().optional().catch(undefined);

export default async function NewListPage({ searchParams }: PageProps<"/studio/lists/new">) {
  await studioPageUser();
  const raw = (await searchParams).articleId;
  const articleId = prefill.parse(Array.isArray(raw) ? raw[0] : raw);
  const options = await listPlacementOptions();
  return (
    <>
      <h1>New “Recommended for You” list</h1>
      <NewListForm options={options} action={createListAction} articleId={articleId} />
    </>
  );
}

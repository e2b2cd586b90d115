import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, parseBenchArgs } from "@/bench/args";

describe("parseBenchArgs", () => {
  it("defaults to 10,000 items, 10 s per route, 50 connections, a fresh build, the baselines, Lighthouse, staff and 100k", () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toMatchObject({
      items: 10_000,
      duration: 10,
      connections: 50,
      build: true,
      baselines: true,
      lighthouse: true,
      lighthouseRuns: 5,
      staff: true,
      scale: 100_000,
    });
  });

  it("reads --flag value and --flag=value, with underscores as thousands separators", () => {
    expect(
      parseBenchArgs(["--items", "100000", "--duration=5", "--no-build", "--no-lighthouse", "--no-staff", "--scale", "0"]),
    ).toMatchObject({
      items: 100_000,
      duration: 5,
      build: false,
      lighthouse: false,
      staff: false,
      scale: 0,
    });
    expect(parseBenchArgs(["--lighthouse-runs=3"]).lighthouseRuns).toBe(3);
    expect(parseBenchArgs(["--items=100_000"]).items).toBe(100_000);
  });

  it("refuses unknown flags, missing values and numbers out of range", () => {
    expect(() => parseBenchArgs(["--itms", "5"])).toThrow(/Unknown option --itms/);
    expect(() => parseBenchArgs(["--items"])).toThrow(/--items needs a whole number/);
    expect(() => parseBenchArgs(["--duration", "0"])).toThrow(/between 1 and 600/);
    expect(() => parseBenchArgs(["--connections", "2.5"])).toThrow(/whole number/);
    expect(() => parseBenchArgs(["--scale", "-1"])).toThrow(/between 0 and 1000000/);
  });

  it("runs the subscriber-alerts section alone, with a chosen number of subscribers, or skips it", () => {
    expect(DEFAULT_OPTIONS.subscribers).toBe(100_000);
    expect(parseBenchArgs(["--only=subscriber-alerts", "--subscribers", "20_000"])).toMatchObject({
      only: "subscriber-alerts",
      subscribers: 20_000,
    });
    expect(parseBenchArgs(["--subscribers=0"]).subscribers).toBe(0);
    expect(() => parseBenchArgs(["--only=subscriber-alerts", "--subscribers=0"])).toThrow(/needs --subscribers above 0/);
    expect(() => parseBenchArgs(["--only=mail"])).toThrow(/"subscriber-alerts"/);
  });

  it("recognises --help", () => {
    expect(parseBenchArgs(["--help"]).help).toBe(true);
  });
});

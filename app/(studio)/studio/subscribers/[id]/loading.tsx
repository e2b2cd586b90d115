// Each studio page reads the session, so it gets its own boundary: a navigation between
// studio pages shows the frame at once and this placeholder until the page is ready.
export { default } from "../../loading";

/** Entry point of the web app. */
import "uplot/dist/uPlot.min.css";
import "./styles.css";
import { render } from "preact";
import { App } from "./ui/App.js";

render(<App />, document.getElementById("app")!);

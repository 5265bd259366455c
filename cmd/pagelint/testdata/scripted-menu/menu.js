// Builds the primary menu after load, as many sites do.
document.addEventListener("DOMContentLoaded", function () {
  var items = [["Home", "/"], ["Products", "/products.html"], ["Contact", "/contact.html"]];
  var ul = document.createElement("ul");
  items.forEach(function (it) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = it[1];
    a.textContent = it[0];
    li.appendChild(a);
    ul.appendChild(li);
  });
  document.getElementById("primary").appendChild(ul);
});
